import { ApiKeyScope, apiKeyStreamId } from '@coalition/domain';
import { Database } from '@coalition/platform';

export interface ApiKeyView {
  id: string;
  name: string;
  stateCode: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** The id of the principal that issued it. */
  issuedBy: string;
  /** Its stream in the audit log (GET /audit/streams/{streamId}). */
  streamId: string;
}

const iso = (value: unknown): string | null => (value == null ? null : new Date(value as string | Date).toISOString());

/** Lists keys for their managers. Authentication never reads this table (it may lag a revocation). */
export class ApiKeysRepository {
  constructor(private readonly db: Database) {}

  /** Every key, or only those of one state. */
  async list(stateCode?: string): Promise<ApiKeyView[]> {
    const rows = stateCode
      ? await this.db.query('SELECT * FROM rm_api_keys WHERE state_code = $1 ORDER BY created_at, id', [stateCode])
      : await this.db.query('SELECT * FROM rm_api_keys ORDER BY created_at, id');
    return rows.map((r) => ({
      id: String(r.id),
      name: String(r.name),
      stateCode: String(r.state_code),
      scopes: r.scopes as ApiKeyScope[],
      createdAt: iso(r.created_at) as string,
      expiresAt: iso(r.expires_at),
      revokedAt: iso(r.revoked_at),
      issuedBy: String(r.issued_by),
      streamId: apiKeyStreamId(String(r.id)),
    }));
  }

  /** Ids of the unrevoked keys a user issued (to revoke them when the user is deactivated). */
  async unrevokedIssuedBy(userId: string): Promise<string[]> {
    const rows = await this.db.query('SELECT id FROM rm_api_keys WHERE issued_by = $1 AND revoked_at IS NULL ORDER BY created_at, id', [userId]);
    return rows.map((r) => String(r.id));
  }
}
