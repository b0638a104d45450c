import { randomUUID } from 'node:crypto';
import { Database, Queryable } from '../database/database';
import { topicForStreamType } from '../messaging/topics';
import { WrongExpectedVersion } from './event-store.errors';
import { chainHash, GENESIS_HASH } from './hash-chain';
import { EVENT_COLUMNS, EventMetadata, StoredEvent, toStoredEvent } from './stored-event';

/**
 * Appends take this transaction-scoped advisory lock, so appends commit one at a time in
 * position order. We chose it over the xid-based "visible below the oldest running
 * transaction" pattern because the hash chain needs the previous event's hash anyway, which
 * already forces a total order at append time; with the lock, a reader following
 * `position > n` can never see position n+2 before n+1 has committed (the lock is released
 * only after the commit is visible), so no reader can skip an event that committed late.
 */
export const APPEND_LOCK = 7_261_001;

export interface NewEvent {
  type: string;
  data: unknown;
  schemaVersion?: number;
}

export interface AppendRequest {
  streamId: string;
  streamType: string;
  /** The version the caller's decision was based on; 0 for a new stream; 'any' to skip the check. */
  expectedVersion: number | 'any';
  events: readonly NewEvent[];
  metadata: EventMetadata;
  recordedAt: Date;
}

export interface AppendResult {
  streamId: string;
  version: number;
  /** Global position of the last event written, or of the stream's last event when nothing was new. */
  position: number;
  events: StoredEvent[];
}

/** Work that must commit or roll back with the append (idempotency records, for example). */
export type WithinAppend = (tx: Queryable, result: AppendResult) => Promise<void>;

export interface EventFilter {
  streamId?: string;
  type?: string;
  stateCode?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
}

export class EventStore {
  private readonly listeners = new Set<(position: number) => void>();

  constructor(private readonly db: Database) {}

  /** Called after every committed append in this process; the relay uses it to publish at once. */
  onAppended(listener: (position: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async append(request: AppendRequest, withinAppend?: WithinAppend): Promise<AppendResult> {
    const result = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const current = await this.currentVersion(tx, request.streamId);
      if (request.expectedVersion !== 'any' && request.expectedVersion !== current) {
        throw new WrongExpectedVersion(request.streamId, request.expectedVersion, current);
      }
      const [head] = await tx.query<{ position: string; hash: string }>(
        'SELECT position, hash FROM events ORDER BY position DESC LIMIT 1',
      );
      let position = head ? Number(head.position) : 0;
      let prevHash = head ? head.hash : GENESIS_HASH;
      const recordedAt = request.recordedAt.toISOString();
      const stored: StoredEvent[] = request.events.map((event, index) => {
        position += 1;
        const unchained = {
          position,
          eventId: randomUUID(),
          streamId: request.streamId,
          streamType: request.streamType,
          version: current + index + 1,
          type: event.type,
          schemaVersion: event.schemaVersion ?? 1,
          // A JSON round trip gives exactly what jsonb will hand back (no undefined, no Dates).
          data: JSON.parse(JSON.stringify(event.data ?? {})) as Record<string, unknown>,
          metadata: request.metadata,
          recordedAt,
        };
        const hash = chainHash(prevHash, unchained);
        const full: StoredEvent = { ...unchained, prevHash, hash };
        prevHash = hash;
        return full;
      });
      if (stored.length > 0) await insertEvents(tx, stored, topicForStreamType(request.streamType));
      const appended: AppendResult = {
        streamId: request.streamId,
        version: current + stored.length,
        position: stored.length > 0 ? position : await this.lastPositionOf(tx, request.streamId),
        events: stored,
      };
      if (withinAppend) await withinAppend(tx, appended);
      return appended;
    });
    if (result.events.length > 0) for (const listener of this.listeners) listener(result.position);
    return result;
  }

  async readStream(streamId: string, until?: Date): Promise<StoredEvent[]> {
    const rows = until
      ? await this.db.query(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND recorded_at <= $2 ORDER BY version`,
          [streamId, until],
        )
      : await this.db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY version`, [streamId]);
    return rows.map(toStoredEvent);
  }

  /** The last event of a stream, or undefined for a stream that does not exist. */
  async lastOfStream(streamId: string): Promise<{ version: number; position: number } | undefined> {
    const [row] = await this.db.query<{ version: number; position: string }>(
      'SELECT version, position FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1',
      [streamId],
    );
    return row ? { version: Number(row.version), position: Number(row.position) } : undefined;
  }

  async readAll(after: number, limit: number, filter: EventFilter = {}): Promise<StoredEvent[]> {
    const where = ['position > $1'];
    const params: unknown[] = [after];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.streamId) add((p) => `stream_id = ${p}`, filter.streamId);
    if (filter.type) add((p) => `type = ${p}`, filter.type);
    if (filter.stateCode) add((p) => `metadata->'actor'->>'stateCode' = ${p}`, filter.stateCode);
    if (filter.actorId) add((p) => `metadata->'actor'->>'id' = ${p}`, filter.actorId);
    if (filter.from) add((p) => `recorded_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `recorded_at <= ${p}`, filter.to);
    params.push(limit);
    const rows = await this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT $${params.length}`,
      params,
    );
    return rows.map(toStoredEvent);
  }

  /** Every event after `after`, in position order, fetched in keyset pages so memory stays flat. */
  async *iterate(after = 0, pageSize = 1000, filter: EventFilter = {}): AsyncGenerator<StoredEvent> {
    let cursor = after;
    for (;;) {
      const page = await this.readAll(cursor, pageSize, filter);
      for (const event of page) yield event;
      if (page.length < pageSize) return;
      cursor = page[page.length - 1].position;
    }
  }

  async head(): Promise<{ position: number; hash: string }> {
    const [row] = await this.db.query<{ position: string; hash: string }>(
      'SELECT position, hash FROM events ORDER BY position DESC LIMIT 1',
    );
    return row ? { position: Number(row.position), hash: row.hash } : { position: 0, hash: GENESIS_HASH };
  }

  private async lastPositionOf(tx: Queryable, streamId: string): Promise<number> {
    const [row] = await tx.query<{ position: string | null }>('SELECT max(position) AS position FROM events WHERE stream_id = $1', [streamId]);
    return row?.position == null ? 0 : Number(row.position);
  }

  private async currentVersion(tx: Queryable, streamId: string): Promise<number> {
    const [row] = await tx.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    return row?.version == null ? 0 : Number(row.version);
  }
}

async function insertEvents(tx: Queryable, events: StoredEvent[], topic: string): Promise<void> {
  const params: unknown[] = [];
  const tuples = events.map((e) => {
    const base = params.length;
    params.push(
      e.position, e.eventId, e.streamId, e.streamType, e.version, e.type, e.schemaVersion,
      JSON.stringify(e.data), JSON.stringify(e.metadata), e.recordedAt, e.prevHash, e.hash,
    );
    return `(${Array.from({ length: 12 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  await tx.query(`INSERT INTO events (${EVENT_COLUMNS}) VALUES ${tuples.join(', ')}`, params);
  await tx.query(
    `INSERT INTO outbox (position, topic) SELECT p, $2 FROM unnest($1::bigint[]) AS p`,
    [events.map((e) => e.position), topic],
  );
}
