import { hash } from 'node:crypto';
import { memberStateStreamId, userStreamId } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { canonicalBytes, chainHashOf, GENESIS_HASH, TOPICS, UnchainedEvent } from '@coalition/event-store';

/*
 * A large store written fast, for the transparency-log suite: PostgreSQL builds every row from
 * generate_series, and this process only computes the hash chain, over the same event content
 * built here by `eventAt` and hashed by the store's own `canonicalBytes` and `chainHashOf`. The
 * two descriptions of an event (the SQL below and `eventAt`) must agree byte for byte; the
 * backfill that follows checks every chain link against the stored rows, so a disagreement
 * fails the run instead of passing unnoticed.
 *
 * The mix is the read-side generator's: fifty state registrations, then one in ten a user
 * registration (whose leaf is withheld: it holds a password hash) and the rest population changes.
 */

const STATES = 50;
const BASE_MS = Date.parse('2025-01-01T00:00:00Z');

const md5 = (seed: string): string => hash('md5', seed, 'hex');

/** A UUID-shaped md5 of `seed`, as PostgreSQL's `md5(seed)::uuid` prints it. */
function md5Uuid(seed: string): string {
  const hex = md5(seed);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}


const stateCode = (n: number): string => String.fromCharCode(65 + Math.floor((n % STATES) / 26), 65 + ((n % STATES) % 26));

/** One acting user per state (who acts does not matter to the tree, only that the bytes vary). */
const ACTORS = Array.from({ length: STATES }, (_, i) => md5Uuid(`a${i}`));

/** The event at 0-based index `n` (position n + 1), exactly as the SQL in `insertChunk` stores it. */
export function eventAt(n: number): UnchainedEvent {
  const code = stateCode(n);
  const commandId = md5Uuid(`c${n}`);
  const common = {
    position: n + 1,
    eventId: md5Uuid(`e${n}`),
    schemaVersion: 1,
    metadata: {
      actor: { id: ACTORS[n % STATES], kind: 'user' as const, stateCode: code, roles: ['coordinator' as const] },
      commandId,
      correlationId: commandId,
      causationId: commandId,
    },
    recordedAt: new Date(BASE_MS + n).toISOString(),
  };
  if (n < STATES) {
    const data = { code, name: `State ${code}`, population: 1_000_000 + n };
    return { ...common, streamId: memberStateStreamId(code), streamType: 'member-state', version: 1, type: 'StateRegistered', data };
  }
  if (n % 10 === 0) {
    const userId = md5Uuid(`u${n}`);
    const data = {
      userId,
      username: `user.${n}`,
      displayName: `User ${n}`,
      roles: ['coordinator'],
      stateCode: code,
      passwordHash: `scrypt$16384$8$1$${md5(`s${n}`)}$${md5(`h${n}`)}${md5(`k${n}`)}`,
    };
    return { ...common, streamId: userStreamId(userId), streamType: 'user', version: 1, type: 'UserRegistered', data };
  }
  // 50 is a multiple of 10, so a state's later events are either all population changes or none.
  const data = { code, population: 1_000_000 + n };
  return { ...common, streamId: memberStateStreamId(code), streamType: 'member-state', version: Math.floor(n / STATES) + 1, type: 'PopulationChanged', data };
}

/* Column expressions over n (0-based) and code, mirroring `eventAt`. */
const UUID = (prefix: string) => `md5('${prefix}' || n)::uuid`;
const ROWS_SQL = `
  WITH chunk AS (
    SELECT n, chr((65 + (n % ${STATES}) / 26)::int) || chr((65 + (n % ${STATES}) % 26)::int) AS code, h.prev_hash, h.hash
      FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS h(prev_hash, hash, i), LATERAL (SELECT $1::bigint + h.i - 1 AS n) AS x
  ), shaped AS (
    SELECT n, code, prev_hash, hash,
           CASE WHEN n < ${STATES} THEN 'StateRegistered' WHEN n % 10 = 0 THEN 'UserRegistered' ELSE 'PopulationChanged' END AS type
      FROM chunk
  ), appended AS (
    INSERT INTO events (position, event_id, stream_id, stream_type, version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
    SELECT n + 1, ${UUID('e')},
           CASE WHEN type = 'UserRegistered' THEN 'user-' || ${UUID('u')} ELSE 'member-state-' || code END,
           CASE WHEN type = 'UserRegistered' THEN 'user' ELSE 'member-state' END,
           CASE WHEN type = 'PopulationChanged' THEN n / ${STATES} + 1 ELSE 1 END,
           type, 1,
           CASE type
             WHEN 'StateRegistered' THEN jsonb_build_object('code', code, 'name', 'State ' || code, 'population', 1000000 + n)
             WHEN 'UserRegistered' THEN jsonb_build_object('userId', ${UUID('u')}, 'username', 'user.' || n, 'displayName', 'User ' || n,
               'roles', jsonb_build_array('coordinator'), 'stateCode', code,
               'passwordHash', 'scrypt$16384$8$1$' || md5('s' || n) || '$' || md5('h' || n) || md5('k' || n))
             ELSE jsonb_build_object('code', code, 'population', 1000000 + n)
           END,
           jsonb_build_object('actor', jsonb_build_object('id', md5('a' || (n % ${STATES}))::uuid, 'kind', 'user', 'stateCode', code, 'roles', jsonb_build_array('coordinator')),
                              'commandId', ${UUID('c')}, 'correlationId', ${UUID('c')}, 'causationId', ${UUID('c')}),
           timestamptz '2025-01-01T00:00:00Z' + n * interval '1 millisecond',
           prev_hash, hash
      FROM shaped
  )
  INSERT INTO outbox (position, topic, sent_at) SELECT n + 1, $4, now() FROM chunk`;

/** Chain hashes for events [from, from + count) after `prevHash`: the only per-event work done here. */
function chainChunk(from: number, count: number, prevHash: string): { prev: string[]; hashes: string[] } {
  const prev: string[] = [];
  const hashes: string[] = [];
  let last = prevHash;
  for (let n = from; n < from + count; n++) {
    prev.push(last);
    last = chainHashOf(last, canonicalBytes(eventAt(n)));
    hashes.push(last);
  }
  return { prev, hashes };
}

/**
 * Writes `count` events into an empty store (with published outbox rows), in chunks; the chain of
 * the next chunk is computed here while PostgreSQL inserts the previous one.
 */
export async function seedStoreFast(db: Database, count: number, options: { chunk?: number; onProgress?: (written: number) => void } = {}): Promise<void> {
  const [existing] = await db.query<{ n: string }>('SELECT count(*) AS n FROM events');
  if (Number(existing.n) > 0) throw new Error('seedStoreFast writes an empty store only');
  const size = options.chunk ?? 50_000;
  let prevHash = GENESIS_HASH;
  let pending: Promise<unknown> = Promise.resolve();
  for (let from = 0; from < count; from += size) {
    const chunk = chainChunk(from, Math.min(size, count - from), prevHash);
    prevHash = chunk.hashes[chunk.hashes.length - 1];
    await pending;
    options.onProgress?.(from);
    pending = db.query(ROWS_SQL, [from, chunk.prev, chunk.hashes, TOPICS.events]);
  }
  await pending;
  options.onProgress?.(count);
}
