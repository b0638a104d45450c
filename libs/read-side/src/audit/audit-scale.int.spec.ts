import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Writable } from 'node:stream';
import { SYSTEM_ACTOR } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { testAdmin } from '@coalition/platform/testing';
import { EventStore, metadataActor, verifyChain } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { writeAuditExport } from './audit-export';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const EVENTS = 100_000;
const BATCH = 1_000;
const PADDING = 'x'.repeat(600);
const MB = 1024 * 1024;
const signedMb = (bytes: number): string => `${bytes >= 0 ? '+' : '-'}${(Math.abs(bytes) / MB).toFixed(1)} MB`;

/**
 * The heap after collection, once what earlier test files in this jest worker left behind has
 * had a few turns of the event loop to be released (closing pools, pending timers).
 */
async function settledHeap(): Promise<NodeJS.MemoryUsage> {
  for (let pass = 0; pass < 3; pass++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  gc();
  return process.memoryUsage();
}

/** A slow consumer: takes each chunk on the next turn of the event loop, and reads every line. */
class LineCounter extends Writable {
  lines = 0;
  bytes = 0;
  lastPosition = 0;
  ordered = true;
  leaked = false;
  private carry = '';

  constructor(
    private readonly positionOf: (line: string) => number,
    private readonly onProgress: (lines: number) => void,
  ) {
    super({ highWaterMark: 64 * 1024, decodeStrings: false });
  }

  override _write(chunk: string | Buffer, _encoding: string, done: (error?: Error) => void): void {
    const text = this.carry + chunk.toString();
    const parts = text.split('\n');
    this.carry = parts.pop() ?? '';
    this.bytes += Buffer.byteLength(chunk.toString());
    for (const line of parts) {
      this.lines += 1;
      if (line.includes('scrypt$')) this.leaked = true;
      const position = this.positionOf(line);
      if (!Number.isNaN(position)) {
        if (position <= this.lastPosition) this.ordered = false;
        this.lastPosition = position;
      }
      if (this.lines % 10_000 === 0) this.onProgress(this.lines);
    }
    setImmediate(done);
  }
}

describe('the audit log at 100 000 events (PostgreSQL)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;

  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 2 });
    db = testDb.db;
    store = new EventStore(db);
    const metadata = { actor: metadataActor(testAdmin), commandId: 'seed', correlationId: 'seed', causationId: 'seed' };
    // Credentials among them, to check that none leaves in an export.
    await store.append({
      streamId: 'user-seeded', streamType: 'user', expectedVersion: 0, recordedAt: new Date(),
      events: [{ type: 'UserRegistered', data: { userId: 'seeded', username: 'seeded', displayName: 'S', roles: ['auditor'], stateCode: null, passwordHash: 'scrypt$do-not-leak' } }],
      metadata: { ...metadata, actor: metadataActor(SYSTEM_ACTOR) },
    });
    for (let batch = 0; batch * BATCH < EVENTS - 1; batch++) {
      const count = Math.min(BATCH, EVENTS - 1 - batch * BATCH);
      await store.append({
        streamId: `member-state-S${batch}`, streamType: 'member-state', expectedVersion: 'any', recordedAt: new Date(), metadata,
        events: Array.from({ length: count }, (_, i) => ({ type: 'PopulationChanged', data: { code: 'SS', population: i, note: PADDING } })),
      });
    }
    expect((await store.head()).position).toBe(EVENTS);
  }, 300_000);

  afterAll(() => testDb?.drop());

  it.each([
    ['ndjson', (line: string) => Number(JSON.parse(line).position), EVENTS],
    ['csv', (line: string) => Number(line.slice(0, line.indexOf(','))), EVENTS + 1],
  ] as const)('streams %s with flat memory', async (format, positionOf, expectedLines) => {
    const baseline = await settledHeap();
    const heapSamples: number[] = [];
    const sink = new LineCounter(positionOf, () => {
      gc();
      heapSamples.push(process.memoryUsage().heapUsed);
    });
    const started = Date.now();
    const written = await writeAuditExport(store, sink, { format });
    await new Promise<void>((resolve, reject) => sink.end((error?: Error | null) => (error ? reject(error) : resolve())));
    const seconds = (Date.now() - started) / 1000;
    const rssGrowth = process.memoryUsage().rss - baseline.rss;
    const heapGrowth = Math.max(...heapSamples) - baseline.heapUsed;
    // Growth from the lowest point to the end: what a leak per exported event would show. A heap
    // that shrinks (garbage from earlier test files released late) is flat memory too.
    const drift = heapSamples[heapSamples.length - 1] - Math.min(...heapSamples);
    process.stderr.write(
      `[audit export ${format}] ${written} events, ${(sink.bytes / MB).toFixed(1)} MB in ${seconds.toFixed(1)} s; ` +
        `heap after GC: ${signedMb(heapGrowth)} at most over baseline, ${signedMb(drift)} from the lowest sample to the end; ` +
        `RSS ${signedMb(rssGrowth)}\n`,
    );

    expect(written).toBe(EVENTS);
    expect(sink.lines).toBe(expectedLines);
    expect(sink.ordered).toBe(true);
    expect(sink.lastPosition).toBe(EVENTS);
    expect(sink.leaked).toBe(false);
    expect(sink.bytes).toBeGreaterThan(60 * MB); // far more than the bounds below: buffering would break them
    expect(heapGrowth).toBeLessThan(16 * MB);
    expect(drift).toBeLessThan(8 * MB);
  }, 300_000);

  it('verifies the whole chain with flat memory', async () => {
    const baseline = (await settledHeap()).heapUsed;
    const samples: number[] = [];
    const sampler = setInterval(() => {
      gc();
      samples.push(process.memoryUsage().heapUsed);
    }, 50);
    const started = Date.now();
    const result = await verifyChain(db).finally(() => clearInterval(sampler));
    const head = await store.head();
    const growth = Math.max(...samples) - baseline;
    process.stderr.write(
      `[audit verify] ${EVENTS} events in ${((Date.now() - started) / 1000).toFixed(1)} s; heap after GC: ${signedMb(growth)} at most over baseline (${samples.length} samples)\n`,
    );
    expect(result).toEqual({ ok: true, checkedEvents: EVENTS, headPosition: EVENTS, headHash: head.hash });
    expect(samples.length).toBeGreaterThan(5);
    expect(growth).toBeLessThan(24 * MB);
  }, 300_000);
});
