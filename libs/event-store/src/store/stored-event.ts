import { Actor, ActorKind, Command, Decider, DomainEvent, Role } from '@coalition/domain';

export interface EventMetadata {
  actor: { id: string; kind: ActorKind; stateCode: string | null; roles: Role[] };
  commandId: string;
  correlationId: string;
  causationId: string;
}

/** What the store records around every event: its place in the log and in its stream, and the hash chain. */
interface StoredEnvelope {
  position: number;
  eventId: string;
  streamId: string;
  streamType: string;
  version: number;
  schemaVersion: number;
  metadata: EventMetadata;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

/** An event of a type the reader has not narrowed: a type name and plain JSON data. */
export type UntypedEvent = DomainEvent<string, Record<string, unknown>>;

/**
 * A recorded event. Over a union of domain events it distributes, so `type` and `data` stay
 * correlated: checking `event.type` narrows `event.data`. Without an argument it is untyped,
 * as the log holds it; `isEventOf` and `eventsOf` narrow it to the events a reader handles.
 */
export type StoredEvent<E extends DomainEvent = UntypedEvent> = E extends DomainEvent
  ? StoredEnvelope & { type: E['type']; data: E['data'] }
  : never;

/** The fields the hash chain covers, in the order they are recorded: everything but the chain fields. */
export const HASHED_FIELDS = [
  'position',
  'eventId',
  'streamId',
  'streamType',
  'version',
  'type',
  'schemaVersion',
  'data',
  'metadata',
  'recordedAt',
] as const satisfies readonly (keyof StoredEvent)[];

/** An event before it is chained: the content `prevHash` and `hash` are computed over. */
export type UnchainedEvent = Pick<StoredEvent, (typeof HASHED_FIELDS)[number]>;

/** Every field of a stored event, in order: the hashed content, then the chain fields. */
export const STORED_FIELDS = [...HASHED_FIELDS, 'prevHash', 'hash'] as const satisfies readonly (keyof StoredEvent)[];

/** A copy of `source` with only `fields`, in their order (so canonical JSON and responses keep one key order). */
export function pickFields<T, K extends keyof T>(source: T, fields: readonly K[]): Pick<T, K> {
  const picked: Partial<Pick<T, K>> = {};
  for (const field of fields) picked[field] = source[field];
  return picked as Pick<T, K>;
}

type EventGuard<E extends UntypedEvent> = (event: StoredEvent) => event is StoredEvent<E>;

/**
 * The one place a stored event becomes a domain event. `check` looks at the envelope only (the
 * type, the stream type); the data is trusted to have that type's shape, because the store only
 * records what a decider of that type emitted (and the hash chain makes a later edit
 * detectable). Every projection, process manager and fold reads its events through this.
 */
function narrowingTo<E extends UntypedEvent>(check: (event: StoredEvent) => boolean): EventGuard<E> {
  // The predicate's type is a deferred conditional type TypeScript cannot relate to the untyped
  // event, so the check is given its narrowed type once, here.
  return check as unknown as EventGuard<E>;
}

/** A guard for the event types a reader handles (a projection, a process manager). */
export function isEventOf<E extends UntypedEvent>(types: Iterable<E['type']>): EventGuard<E> {
  const names = new Set<string>(types);
  return narrowingTo<E>((event) => names.has(event.type));
}

/** The events of `stored` from the decider's stream type, typed as the decider's events (to fold them). */
export function eventsOf<E extends UntypedEvent, S>(
  decider: Pick<Decider<Command, E, S>, 'streamType' | 'evolve'>,
  stored: readonly StoredEvent[],
): StoredEvent<E>[] {
  return stored.filter(narrowingTo<E>((event) => event.streamType === decider.streamType));
}

export const metadataActor = (actor: Actor): EventMetadata['actor'] => ({
  id: actor.id,
  kind: actor.kind,
  stateCode: actor.stateCode,
  roles: [...actor.roles],
});

export const EVENT_COLUMNS =
  'position, event_id, stream_id, stream_type, version, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

/** The same columns qualified by a table alias, for queries that join `events` to another table. */
export const eventColumnsOf = (alias: string): string =>
  EVENT_COLUMNS.split(', ').map((column) => `${alias}.${column}`).join(', ');

export function toStoredEvent(row: Record<string, unknown>): StoredEvent {
  return {
    position: Number(row.position),
    eventId: String(row.event_id),
    streamId: String(row.stream_id),
    streamType: String(row.stream_type),
    version: Number(row.version),
    type: String(row.type),
    schemaVersion: Number(row.schema_version),
    data: row.data as Record<string, unknown>,
    metadata: row.metadata as EventMetadata,
    recordedAt: new Date(row.recorded_at as string | Date).toISOString(),
    prevHash: String(row.prev_hash),
    hash: String(row.hash),
  };
}
