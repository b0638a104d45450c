import { PoolEntity, ResourcePoolEvent } from '@coalition/domain';
import { Database, Queryable } from '../database/database';
import { AppendResult, WithinAppend } from '../event-store/event-store';

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
 * resource-pool stream each lives in. Rows are written by `record`, inside the transaction that
 * appends the creating event, so an id is locatable exactly when its event exists: a client
 * can act on an id the moment it gets it, with no read model to wait for.
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

  readonly record: WithinAppend = async (tx: Queryable, result: AppendResult) => {
    for (const stored of result.events) {
      const event = stored as unknown as ResourcePoolEvent;
      const at = (id: string, kind: PoolEntity, compactId: string, resourceType: string, stateCode: string) =>
        tx.query(
          `INSERT INTO resource_locator (id, kind, stream_id, compact_id, resource_type, state_code) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, kind, stored.streamId, compactId, resourceType, stateCode],
        );
      switch (event.type) {
        case 'PledgeMade':
          await at(event.data.pledgeId, 'pledge', event.data.compactId, event.data.resourceType, event.data.stateCode);
          break;
        case 'RequestMade':
          await at(event.data.requestId, 'request', event.data.compactId, event.data.resourceType, event.data.stateCode);
          break;
        case 'OfferMade':
          await at(event.data.offerId, 'offer', event.data.compactId, event.data.resourceType, event.data.stateCode);
          break;
        case 'ReimbursementClaimed':
          // A claim lives where its offer does.
          await tx.query(
            `INSERT INTO resource_locator (id, kind, stream_id, compact_id, resource_type, state_code)
             SELECT $1, 'reimbursement', stream_id, compact_id, resource_type, $3 FROM resource_locator WHERE id = $2 AND kind = 'offer'`,
            [event.data.reimbursementId, event.data.offerId, event.data.stateCode],
          );
          break;
        default:
          break;
      }
    }
  };
}
