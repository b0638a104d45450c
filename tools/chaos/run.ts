import { CommandLoad, LoadReport } from '../../apps/e2e/src/faults/command-load';
import { Caller } from '../../apps/e2e/src/stack';
import { FaultRunner } from './faults';
import { ChaosOptions, Fault } from './options';
import { ChaosTarget } from './setup';

export interface Recovery {
  fault: string;
  /** From the fault's end (the server back, the new worker started) to the first 201 after it. */
  commandsMs?: number;
  /** From the fault's end to a read at the position of a command accepted after it. */
  readModelsMs?: number;
}

interface Step {
  /** When, as a fraction of the run. */
  at: number;
  fault: Fault;
  label: string;
  act: () => Promise<number>;
  /** This step ends the fault: measure the recovery from its end. */
  recovers?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The faults of a run, in order, far enough apart that each recovery is measured on its own:
 * Kafka down for a quarter of the run, the worker killed twice, PostgreSQL restarted. (A
 * command that starts a server returns when the server is up, so a slow start delays the
 * steps after it.)
 */
function schedule(runner: FaultRunner, options: ChaosOptions): Step[] {
  const steps: Step[] = [
    { at: 0.1, fault: 'kafka', label: 'Kafka stopped', act: () => runner.shell(options.kafkaStop) },
    { at: 0.35, fault: 'kafka', label: 'Kafka started', act: () => runner.shell(options.kafkaStart), recovers: 'the Kafka outage' },
    { at: 0.5, fault: 'worker', label: 'worker killed (kill -9)', act: () => runner.killWorker() },
    { at: 0.5, fault: 'worker', label: 'worker started', act: () => runner.startWorker(), recovers: 'worker kill 1' },
    { at: 0.65, fault: 'worker', label: 'worker killed (kill -9)', act: () => runner.killWorker() },
    { at: 0.65, fault: 'worker', label: 'worker started', act: () => runner.startWorker(), recovers: 'worker kill 2' },
    { at: 0.8, fault: 'db', label: 'PostgreSQL restarted', act: () => runner.shell(options.dbRestart), recovers: 'the PostgreSQL restart' },
  ];
  return steps.filter((step) => !options.skip.has(step.fault));
}

/**
 * Runs the load for `seconds` with the faults on schedule; answers the load's report and the
 * recoveries once every one of them is measured (or has taken two minutes).
 */
export async function runChaos(options: ChaosOptions, target: ChaosTarget, runner: FaultRunner, log: (line: string) => void) {
  const load = new CommandLoad({ baseUrl: () => options.api, tokens: target.tokens, compactId: target.compactId }, { lanes: options.lanes, tag: `chaos-${Date.now()}`, maxRetryWaitMs: 2_000 });
  const started = Date.now();
  const at = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s`;
  load.start();
  log(`${at()}  load started: ${options.lanes} lanes`);
  const recoveries: Promise<Recovery>[] = [];
  for (const step of schedule(runner, options)) {
    await sleep(Math.max(0, started + step.at * options.seconds * 1000 - Date.now()));
    try {
      const took = await step.act();
      log(`${at()}  ${step.label} (took ${(took / 1000).toFixed(1)} s)`);
      if (step.recovers) recoveries.push(measureRecovery(step.recovers, Date.now(), load, target.reader, target.compactId));
    } catch (error) {
      log(`${at()}  ${step.label} FAILED: ${(error as Error).message}`);
    }
  }
  await sleep(Math.max(0, started + options.seconds * 1000 - Date.now()));
  const report = await load.stop(60_000);
  log(`${at()}  load stopped`);
  return { report, recoveries: await Promise.all(recoveries), lastPosition: load.lastPosition };
}

async function measureRecovery(fault: string, since: number, load: CommandLoad, reader: Caller, compactId: string): Promise<Recovery> {
  const deadline = since + 120_000;
  const recovery: Recovery = { fault };
  while (Date.now() < deadline) {
    const first = load.progress.timeline.find(([when, status]) => when >= since && status === '201');
    if (first) {
      recovery.commandsMs = first[0] - since;
      break;
    }
    await sleep(50);
  }
  if (recovery.commandsMs === undefined) return recovery;
  const position = load.lastPosition;
  while (Date.now() < deadline) {
    const answer = await reader.get(`/compacts/${compactId}/resources?minPosition=${position}`).catch(() => ({ status: 0 }));
    if (answer.status === 200) {
      recovery.readModelsMs = Date.now() - since;
      break;
    }
    await sleep(100);
  }
  return recovery;
}

export function describeRecoveries(recoveries: readonly Recovery[]): string[] {
  const seconds = (ms?: number) => (ms === undefined ? 'not within 120 s' : `${(ms / 1000).toFixed(1)} s`);
  return recoveries.map((r) => `time to recover from ${r.fault}: commands ${seconds(r.commandsMs)}, read models ${seconds(r.readModelsMs)}`);
}

export type { LoadReport };
