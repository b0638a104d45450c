import { PoolEntity } from '@coalition/domain';
import { Database } from '@coalition/platform';

export interface ResourceLocation {
  id: string;
  kind: PoolEntity;
  streamId: string;
  compactId: string;
  resourceType: string;
  /** The state that owns it: the pledging, requesting, offering or claiming state. */
  stateCode: string;
}

/**
 * Routes name pledges, requests, offers and reimbursements by id alone; this finds the
 * resource-pool stream each lives in. Rows are written by a trigger on `events` (migration
 * ResourceLocatorTrigger1764000000050), inside the transaction that appends the creating
 * event, so an id is locatable exactly when its event exists: a client can act on an id the
 * moment it gets it, with no read model to wait for.
 */
export class ResourceLocator {
  constructor(private readonly db: Database) {}

  async find(kind: PoolEntity, id: string): Promise<ResourceLocation | undefined> {
    const [row] = await this.db.query<Record<string, string>>(
      `SELECT id, kind, stream_id, compact_id, resource_type, state_code FROM resource_locator WHERE id = $1 AND kind = $2`,
      [id, kind],
    );
    return row
      ? { id: row.id, kind: row.kind as PoolEntity, streamId: row.stream_id, compactId: row.compact_id, resourceType: row.resource_type, stateCode: row.state_code }
      : undefined;
  }

  /** The pool stream a pledge, request, offer or reimbursement id lives in, whichever it is. */
  async streamOf(id: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ stream_id: string }>(`SELECT stream_id FROM resource_locator WHERE id = $1`, [id]);
    return row?.stream_id;
  }
}
