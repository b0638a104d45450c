import { randomUUID } from 'node:crypto';
import { StoredNode } from '@coalition/transparency-log';
import { Queryable } from '@coalition/platform';
import { AppendRequest } from './append-request';
import { WrongExpectedVersion } from './event-store.errors';
import { canonicalBytes, chainHashOf, GENESIS_HASH } from '../chain/hash-chain';
import { nodeColumns } from '../transparency/tree-nodes';
import { EVENT_COLUMNS, StoredEvent } from './stored-event';

/** The statements one append transaction runs, under the append lock (see EventStore). */

/** Every append NOTIFYs this channel on commit, so a relay in another process can publish at once. */
export const APPENDED_CHANNEL = 'coalition_appended';

/** Where the log stands for an append, read in one statement under the lock. */
export interface AppendState {
  /** Each stream's current version (0 for a new stream). */
  versions: Map<string, number>;
  /** The log's last event: the one the next event chains after. */
  head: { position: number; hash: string };
  /** Leaves in the Merkle tree (behind the log while a backfill runs). */
  treeSize: number;
  /** The stored hash of the cached right edge's last node, to check the cache against. */
  edgeHash: Uint8Array | null | undefined;
}

/** Stream versions, the chain head, the tree size (locked) and the stored hash at the cached edge, in one read. */
export async function readAppendState(
  tx: Queryable,
  streamIds: readonly string[],
  edge: { level: number; index: number } | undefined,
): Promise<AppendState> {
  const rows = await tx.query<{ stream_id: string; version: number | null; head_position: string | null; head_hash: string | null; tree_size: string; edge_hash: Uint8Array | null }>(
    `SELECT s.stream_id, v.version, h.position AS head_position, h.hash AS head_hash, t.size AS tree_size,
                (SELECT hash FROM tlog_nodes WHERE level = $2 AND idx = $3) AS edge_hash
           FROM unnest($1::text[]) AS s(stream_id)
           LEFT JOIN LATERAL (SELECT max(version) AS version FROM events WHERE stream_id = s.stream_id) v ON true
           LEFT JOIN LATERAL (SELECT position, hash FROM events ORDER BY position DESC LIMIT 1) h ON true
           CROSS JOIN (SELECT size FROM tlog_state FOR UPDATE) t`,
    [streamIds, edge?.level ?? -1, edge?.index ?? -1],
  );
  const edgeHash = rows[0]?.edge_hash;
  const versions = new Map(rows.map((row) => [row.stream_id, row.version == null ? 0 : Number(row.version)]));
  const head = { position: rows[0]?.head_position == null ? 0 : Number(rows[0].head_position), hash: rows[0]?.head_hash ?? GENESIS_HASH };
  const treeSize = Number(rows[0]?.tree_size ?? 0);
  return { versions, head, treeSize, edgeHash };
}

/** The request's events, numbered and chained after `head`, each with its canonical bytes (its leaf in the tree). */
export function chained(request: AppendRequest, current: number, head: { position: number; hash: string }): { event: StoredEvent; leaf: Buffer }[] {
  let position = head.position;
  let prevHash = head.hash;
  const recordedAt = request.recordedAt.toISOString();
  return request.events.map((event, index) => {
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
    const leaf = canonicalBytes(unchained);
    const hash = chainHashOf(prevHash, leaf);
    const full: StoredEvent = { ...unchained, prevHash, hash };
    prevHash = hash;
    return { event: full, leaf };
  });
}

/**
 * Events, their outbox rows and the tree nodes they complete, in one statement, whatever their
 * number. An outbox row names no topic: routing is the relay's (it records the topic it used).
 */
export async function insertEvents(
  tx: Queryable,
  rows: readonly { event: StoredEvent }[],
  tree: { from: number; to: number; nodes: readonly StoredNode[] } | undefined,
): Promise<void> {
  const column = <T>(pick: (e: StoredEvent) => T) => rows.map(({ event }) => pick(event));
  await tx.query(
    `WITH input AS (
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[],
                            $8::jsonb[], $9::jsonb[], $10::timestamptz[], $11::text[], $12::text[])
         AS t(${EVENT_COLUMNS})
     ), appended AS (
       INSERT INTO events (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM input
     ), nodes AS (
       INSERT INTO tlog_nodes (level, idx, hash)
       SELECT level, idx, decode(hash, 'hex') FROM unnest($13::smallint[], $14::bigint[], $15::text[]) AS n(level, idx, hash)
     ), grown AS (
       UPDATE tlog_state SET size = $16 WHERE size = $17 AND $16::bigint > $17::bigint
     )
     INSERT INTO outbox (position)
     SELECT position FROM input CROSS JOIN (SELECT pg_notify('${APPENDED_CHANNEL}', '')) AS notified`,
    [
      column((e) => e.position), column((e) => e.eventId), column((e) => e.streamId), column((e) => e.streamType),
      column((e) => e.version), column((e) => e.type), column((e) => e.schemaVersion),
      column((e) => JSON.stringify(e.data)), column((e) => JSON.stringify(e.metadata)), column((e) => e.recordedAt),
      column((e) => e.prevHash), column((e) => e.hash),
      ...nodeColumns(tree?.nodes ?? []), tree?.to ?? 0, tree?.from ?? 0,
    ],
  );
}

/** The first stream whose expected version does not hold, as the error to refuse the whole append with. */
export function conflictOf(requests: readonly AppendRequest[], versions: ReadonlyMap<string, number>): WrongExpectedVersion | undefined {
  for (const request of requests) {
    const current = versions.get(request.streamId) ?? 0;
    if (request.expectedVersion !== 'any' && request.expectedVersion !== current) {
      return new WrongExpectedVersion(request.streamId, request.expectedVersion, current);
    }
  }
  return undefined;
}
