import { Role, userStreamId } from '@coalition/domain';
import { Database } from '@coalition/platform';

/** The admin's list of users. Authentication folds the user's own stream instead (always current). */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  stateCode: string | null;
  active: boolean;
  /** Its stream in the audit log (GET /audit/streams/{streamId}). */
  streamId: string;
}

export class UsersRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<UserView[]> {
    const rows = await this.db.query('SELECT * FROM rm_users ORDER BY username');
    return rows.map((r) => ({
      id: String(r.id),
      username: String(r.username),
      displayName: String(r.display_name),
      roles: r.roles as Role[],
      stateCode: (r.state_code as string | null) ?? null,
      active: Boolean(r.active),
      streamId: userStreamId(String(r.id)),
    }));
  }
}
