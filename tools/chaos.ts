import 'reflect-metadata';
import { join } from 'node:path';
import { createKafka, openDatabase, physicalTopic, TOPICS } from '@coalition/event-store';
import { describe, judge, problemsIn } from '../apps/e2e/src/faults/verdict';
import { FaultRunner } from './chaos/faults';
import { ChaosOptions, ChaosUsageError, parseChaosOptions } from './chaos/options';
import { describeRecoveries, runChaos } from './chaos/run';
import { prepare } from './chaos/setup';

const ROOT = join(__dirname, '..', '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

/** `npm run chaos`: load and faults against a running deployment, then the figures (see tools/chaos/options.ts). */
async function main(options: ChaosOptions): Promise<number> {
  log(`Coalition chaos run: ${options.seconds} s against ${options.api}; faults: ${['db', 'kafka', 'worker'].filter((f) => !options.skip.has(f as never)).join(', ') || 'none'}`);
  const target = await prepare(options.api, options.username, options.password);
  const after = Number((await target.admin.get('/audit/verify')).body.headPosition);
  const runner = new FaultRunner(options, ROOT);
  if (!options.skip.has('worker') && !options.workerStart) await runner.startWorker();
  try {
    const { report, recoveries, lastPosition } = await runChaos(options, target, runner, log);
    log(`waiting for the read models to reach position ${lastPosition}...`);
    const caughtUp = await target.reader.get(`/compacts/${target.compactId}/resources?minPosition=${lastPosition}`);
    if (caughtUp.status !== 200) log(`  not yet (${caughtUp.status}); the checks below may count events still on their way`);
    const db = options.databaseUrl ? await openDatabase({ url: options.databaseUrl, poolSize: 2 }) : undefined;
    const kafka = options.kafkaBrokers
      ? { client: createKafka({ brokers: options.kafkaBrokers, clientId: 'coalition-chaos', partitions: 1, topicPrefix: options.topicPrefix }), topics: [TOPICS.events, TOPICS.legal].map((t) => physicalTopic(options.topicPrefix, t)) }
      : undefined;
    try {
      const verdict = await judge({ get: (path) => target.admin.get(path), after, load: report, kafka, db });
      log('\nFigures');
      for (const line of [...describe(report, verdict), ...describeRecoveries(recoveries)]) log(`  ${line}`);
      const problems = problemsIn(report, verdict);
      log(problems.length === 0 ? '\nNo problems found.' : `\nProblems:\n${problems.map((p) => `  ${p}`).join('\n')}`);
      return problems.length === 0 ? 0 : 1;
    } finally {
      await db?.close();
    }
  } finally {
    await runner.stopOwnWorker();
  }
}

let options: ChaosOptions;
try {
  options = parseChaosOptions(process.argv.slice(2), process.env, ROOT);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(error instanceof ChaosUsageError ? 2 : 1);
}
main(options).then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`chaos run failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
