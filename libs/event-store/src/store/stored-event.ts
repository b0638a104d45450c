import { Actor, ActorKind, Role } from '@coalition/domain';

export interface EventMetadata {
  actor: { id: string; kind: ActorKind; stateCode: string | null; roles: Role[] };
  commandId: string;
  correlationId: string;
  causationId: string;
}

export interface StoredEvent {
  position: number;
  eventId: string;
  streamId: string;
  streamType: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

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
