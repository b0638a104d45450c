import { memberStateStreamId } from '@coalition/domain';
import { Database } from '@coalition/platform';

export interface MemberStateView {
  code: string;
  name: string;
  population: number;
  /** Its stream in the audit log (GET /audit/streams/{streamId}). */
  streamId: string;
}

export class MemberStatesRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<MemberStateView[]> {
    const rows = await this.db.query<{ code: string; name: string; population: string }>(
      'SELECT code, name, population FROM rm_member_states ORDER BY code',
    );
    return rows.map((r) => ({ code: r.code, name: r.name, population: Number(r.population), streamId: memberStateStreamId(r.code) }));
  }
}
