import { Queryable } from '@coalition/platform';
import { EventTopic, isEventOf, StoredEvent, UntypedEvent } from '@coalition/event-store';

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

/** A projection as it is written: over the domain events `E` it handles, each typed as it was recorded. */
export interface TypedProjection<E extends UntypedEvent> extends Pick<Projection, 'name' | 'topic' | 'tables'> {
  readonly eventTypes: readonly E['type'][];
  apply(event: StoredEvent<E>, tx: Queryable): Promise<void>;
  applyBatch?(events: readonly StoredEvent<E>[], tx: Queryable): Promise<void>;
}

/** The projection the runner drives: it hands `typed` only the events of its types, narrowed to them. */
export function projectionOf<E extends UntypedEvent>(typed: TypedProjection<E>): Projection {
  const handles = isEventOf<E>(typed.eventTypes);
  const { applyBatch } = typed;
  return {
    name: typed.name,
    topic: typed.topic,
    tables: typed.tables,
    eventTypes: new Set<string>(typed.eventTypes),
    apply: async (event, tx) => {
      if (handles(event)) await typed.apply(event, tx);
    },
    applyBatch: applyBatch && ((events, tx) => applyBatch.call(typed, events.filter(handles), tx)),
  };
}

/** Applies events of the projection's types, in order: all at once where it can, else one by one. */
export async function applyEvents(projection: Projection, events: readonly StoredEvent[], tx: Queryable): Promise<void> {
  const relevant = events.filter((event) => projection.eventTypes.has(event.type));
  if (relevant.length === 0) return;
  if (projection.applyBatch && relevant.length > 1) return projection.applyBatch(relevant, tx);
  for (const event of relevant) await projection.apply(event, tx);
}

export const PROJECTIONS = Symbol('PROJECTIONS');
