import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Database } from '@coalition/platform';
import { EventStore, redactSecrets, TOPICS } from '@coalition/event-store';
import { createCoalitionDatabase } from '../lib/database';
import { runChild } from '../lib/processes';
import { seedEvents } from '../lib/seed';
import { log, now, perSecond, round } from '../lib/stats';
import { AppendMeasurement, oursOn, runWriters, WRITERS } from './append';
import { measureReadSideOn, ReadSideMeasurement } from './read-side';

export interface ScaleTask {
  kind: 'scale';
  checkpoints: number[];
  appendSeconds: number;
}

export interface ExportMeasurement {
  events: number;
  seconds: number;
  eps: number;
  bytes: number;
  /** Highest resident set seen while exporting, minus what it was just before. */
  peakRssGrowthMb: number;
  /** Highest live heap (measured after a full GC every 20 000 events), minus before: what the export holds. */
  retainedHeapGrowthMb: number;
}

export interface ScalePoint {
  stored: number;
  readSide: ReadSideMeasurement;
  export: ExportMeasurement;
  append: AppendMeasurement;
}

/**
 * The whole event log as NDJSON, one audit item per line, streamed with back-pressure into a
 * sink that only counts bytes, while a sampler watches the process's memory.
 */
export async function measureExport(db: Database): Promise<ExportMeasurement> {
  const store = new EventStore(db);
  if (!global.gc) throw new Error('the export measurement needs node --expose-gc');
  global.gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let retainedHeap = before.heapUsed;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const collect = global.gc;
  let bytes = 0;
  let events = 0;
  const started = now();
  try {
    await pipeline(
      (async function* lines() {
        for await (const event of store.iterate(0, 1000)) {
          events += 1;
          if (events % 20_000 === 0) {
            collect();
            retainedHeap = Math.max(retainedHeap, process.memoryUsage().heapUsed);
          }
          yield `${JSON.stringify({ ...event, data: redactSecrets(event.data) })}\n`;
        }
      })(),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  const ms = now() - started;
  const mb = (n: number) => round(n / 1024 / 1024, 1);
  return {
    events,
    seconds: round(ms / 1000, 2),
    eps: round(perSecond(events, ms)),
    bytes,
    peakRssGrowthMb: mb(peakRss - before.rss),
    retainedHeapGrowthMb: mb(retainedHeap - before.heapUsed),
  };
}

/**
 * One database grown through the checkpoints (100 000 then 1 000 000 events by default): at
 * each, the read side (rebuild, verification, raw baselines), an export, and appends by
 * `WRITERS` concurrent writers on top of everything stored.
 */
export async function measureScale(task: ScaleTask): Promise<ScalePoint[]> {
  const database = await createCoalitionDatabase(WRITERS);
  const points: ScalePoint[] = [];
  try {
    for (const checkpoint of task.checkpoints) {
      const stored = await countEvents(database.db);
      log(`scale: storing events up to ${checkpoint}`);
      await seedEvents(database.db, checkpoint - stored, {
        sent: true,
        onProgress: (n) => n % 200_000 === 0 && log(`scale:   ${stored + n} stored`),
      });
      await database.db.query('VACUUM ANALYZE events');
      await database.db.query('VACUUM ANALYZE outbox');
      const readSide = await measureReadSideOn(database.db, database.url, checkpoint);
      log(`scale @${checkpoint}: rebuild ${readSide.rebuild.eps}/s (raw read ${readSide.rawRead.eps}/s), verify ${readSide.verify.eps}/s (raw sha256 ${readSide.rawSha256.eps}/s)`);
      const exported = await measureExport(database.db);
      log(`scale @${checkpoint}: export ${exported.eps}/s, live heap +${exported.retainedHeapGrowthMb} MB, peak RSS +${exported.peakRssGrowthMb} MB`);
      // Appends go last, on top of everything stored; their outbox rows are then marked
      // published, as a running relay would, so the next checkpoint's rebuild folds them too.
      const append = await runWriters(await oursOn(database.db), 'ours', task.appendSeconds, 2, checkpoint);
      log(`scale @${checkpoint}: append ${append.eps}/s with ${checkpoint} stored`);
      await database.db.query('UPDATE outbox SET sent_at = now(), topic = $1, partition = 0 WHERE sent_at IS NULL', [TOPICS.events]);
      points.push({ stored: checkpoint, readSide, export: exported, append });
    }
    return points;
  } finally {
    await database.drop();
  }
}

async function countEvents(db: Database): Promise<number> {
  const [row] = await db.query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(row.n);
}

export async function scaleSuite(options: { checkpoints: number[]; appendSeconds: number }): Promise<ScalePoint[]> {
  return runChild<ScalePoint[]>({ kind: 'scale', checkpoints: options.checkpoints, appendSeconds: options.appendSeconds });
}
