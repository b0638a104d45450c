import { Queryable } from '@coalition/platform';
import { EventTopic, StoredEvent } from '@coalition/event-store';

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
  /**
   * Optional: the same result as `apply` on each event in order, in a few statements instead
   * of one per event. Rebuilds and busy consumers hand it every event of its types in a batch.
   */
  applyBatch?(events: readonly StoredEvent[], tx: Queryable): Promise<void>;
}

/** Applies events of the projection's types, in order: all at once where it can, else one by one. */
export async function applyEvents(projection: Projection, events: readonly StoredEvent[], tx: Queryable): Promise<void> {
  const relevant = events.filter((event) => projection.eventTypes.has(event.type));
  if (relevant.length === 0) return;
  if (projection.applyBatch && relevant.length > 1) return projection.applyBatch(relevant, tx);
  for (const event of relevant) await projection.apply(event, tx);
}

export const PROJECTIONS = Symbol('PROJECTIONS');
