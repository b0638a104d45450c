import { Queryable } from '../database/database';
import { StoredEvent } from '../event-store/stored-event';
import { EventTopic } from '../messaging/topics';

/**
 * A read model writer. `apply` runs inside the transaction that also moves the projection's
 * checkpoint, so an event is applied exactly once however often it is delivered.
 */
export interface Projection {
  readonly name: string;
  readonly topic: EventTopic;
  /** The tables this projection owns; a rebuild empties them first. */
  readonly tables: readonly string[];
  readonly eventTypes: ReadonlySet<string>;
  apply(event: StoredEvent, tx: Queryable): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
