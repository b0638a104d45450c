import { Queryable } from '@coalition/platform';
import { StoredEvent, UntypedEvent } from '@coalition/event-store';

/** One projection step for one event type: the stored event typed as that type, and the transaction. */
export type EventHandler<E extends UntypedEvent, Ctx = Queryable> = (event: StoredEvent<E>, tx: Ctx) => Promise<unknown>;

/** A handler for every type of the union `E`, so a new event type the projection does not handle fails the typecheck. */
export type EventHandlers<E extends UntypedEvent, Ctx = Queryable> = {
  readonly [T in E['type']]: EventHandler<Extract<E, { type: T }>, Ctx>;
};

/** Runs the handler for the event's type; a type without one is ignored, as the `switch` it replaces did. */
export async function handleEvent<E extends UntypedEvent, Ctx>(handlers: EventHandlers<E, Ctx>, event: StoredEvent<E>, tx: Ctx): Promise<void> {
  // TypeScript cannot tie the looked-up handler to the event's own member of the union, so the
  // handler is widened to accept `never` and the event passed as such; the key makes them match.
  const handler: EventHandler<never, Ctx> | undefined = handlers[event.type as E['type']];
  if (handler) await handler(event as never, tx);
}
