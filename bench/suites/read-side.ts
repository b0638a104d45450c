import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Client } from 'pg';
import { Database } from '@coalition/platform';
import { EventStore, hashedContent, StoredEvent, verifyChain } from '@coalition/event-store';
import { ALL_PROJECTIONS, rebuildProjections } from '@coalition/read-side';
import { createCoalitionDatabase } from '../lib/database';
import { runChild } from '../lib/processes';
import { seedEvents } from '../lib/seed';
import { log, now, perSecond, round } from '../lib/stats';

/** The rebuild's own page size, so the raw read fetches exactly as the rebuild does. */
const PAGE = 2000;

export interface ReadSideTask {
  kind: 'read-side';
  events: number;
}

export interface ReadSideMeasurement {
  events: number;
  rebuild: { eps: number; seconds: number };
  rawRead: { eps: number; seconds: number };
  verify: { eps: number; seconds: number };
  rawSha256: { eps: number; seconds: number };
  /** RFC 8785 canonicalisation alone, the other half of what verification computes. */
  canonicalize: { eps: number; seconds: number };
}

/** Every row of `events` in keyset pages straight through node-postgres: the floor under any fold. */
export async function rawRead(url: string): Promise<{ rows: number; ms: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = now();
    let after = 0;
    let rows = 0;
    for (;;) {
      const page = await client.query('SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT $2', [after, PAGE]);
      rows += page.rows.length;
      if (page.rows.length < PAGE) break;
      after = Number(page.rows[page.rows.length - 1].position);
    }
    return { rows, ms: now() - started };
  } finally {
    await client.end();
  }
}

/**
 * SHA-256 alone over exactly the bytes the chain hashes (prev hash + canonical JSON), prepared
 * beforehand; and, for the breakdown, RFC 8785 canonicalisation alone over the same events.
 */
export async function rawSha256(db: Database): Promise<{ events: number; ms: number; canonicalizeMs: number }> {
  const store = new EventStore(db);
  let hashed = 0;
  let ms = 0;
  let canonicalizeMs = 0;
  let events: StoredEvent[] = [];
  const hashChunk = () => {
    let started = now();
    const chunk = events.map((event) => event.prevHash + canonicalize(hashedContent(event)));
    canonicalizeMs += now() - started;
    const bytes = chunk.map((text) => Buffer.from(text, 'utf8'));
    started = now();
    for (const b of bytes) createHash('sha256').update(b).digest('hex');
    ms += now() - started;
    hashed += bytes.length;
    events = [];
  };
  for await (const event of store.iterate(0, 5000)) {
    events.push(event);
    if (events.length === 10_000) hashChunk();
  }
  hashChunk();
  return { events: hashed, ms, canonicalizeMs };
}

export async function measureReadSideOn(db: Database, url: string, events: number): Promise<ReadSideMeasurement> {
  await rawRead(url); // warms the cache for everyone below
  const read = await rawRead(url);
  if (read.rows !== events) throw new Error(`read ${read.rows} of ${events} events`);

  let started = now();
  const report = await rebuildProjections(db, ALL_PROJECTIONS);
  const rebuildMs = now() - started;
  if (report.events !== events) throw new Error(`rebuilt ${report.events} of ${events} events`);

  started = now();
  const verification = await verifyChain(db);
  const verifyMs = now() - started;
  if (!verification.ok || verification.checkedEvents !== events) throw new Error(`verification failed: ${JSON.stringify(verification)}`);

  const sha = await rawSha256(db);
  const rate = (count: number, ms: number) => ({ eps: round(perSecond(count, ms)), seconds: round(ms / 1000, 2) });
  return {
    events,
    rebuild: rate(events, rebuildMs),
    rawRead: rate(read.rows, read.ms),
    verify: rate(events, verifyMs),
    rawSha256: rate(sha.events, sha.ms),
    canonicalize: rate(sha.events, sha.canonicalizeMs),
  };
}

export async function measureReadSide(task: ReadSideTask): Promise<ReadSideMeasurement> {
  const database = await createCoalitionDatabase(4);
  try {
    await seedEvents(database.db, task.events, { sent: true });
    await database.db.query('VACUUM ANALYZE events');
    return await measureReadSideOn(database.db, database.url, task.events);
  } finally {
    await database.drop();
  }
}

export interface RebuildResult {
  ours_eps: number;
  raw_read_eps: number;
}

export interface VerifyResult {
  ours_eps: number;
  raw_sha256_eps: number;
}

export async function readSideSuite(options: { events: number }): Promise<{ rebuild: RebuildResult; verify: VerifyResult; measurement: ReadSideMeasurement }> {
  const m = await runChild<ReadSideMeasurement>({ kind: 'read-side', events: options.events });
  log(`rebuild: ${m.rebuild.eps} events/s against raw read ${m.rawRead.eps} rows/s (${m.events} events)`);
  log(`verify: ${m.verify.eps} events/s against raw sha256 ${m.rawSha256.eps} hashes/s (canonicalisation alone ${m.canonicalize.eps}/s)`);
  return {
    rebuild: { ours_eps: m.rebuild.eps, raw_read_eps: m.rawRead.eps },
    verify: { ours_eps: m.verify.eps, raw_sha256_eps: m.rawSha256.eps },
    measurement: m,
  };
}
