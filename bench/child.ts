import 'reflect-metadata';
import { dropLeftovers } from './lib/database';
import { AppendTask, measureAppend } from './suites/append';
import { LagTask, measureLag } from './suites/projection-lag';
import { measureReadSide, ReadSideTask } from './suites/read-side';
import { measureRelay, RelayTask } from './suites/relay';
import { measureScale, ScaleTask } from './suites/scale';

type Task = AppendTask | RelayTask | LagTask | ReadSideTask | ScaleTask;

/** One measurement in a process of its own (see runChild); prints `RESULT <json>`. */
async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as Task;
  const result = await (() => {
    switch (task.kind) {
      case 'append':
        return measureAppend(task);
      case 'relay':
        return measureRelay(task);
      case 'projection-lag':
        return measureLag(task);
      case 'read-side':
        return measureReadSide(task);
      case 'scale':
        return measureScale(task);
    }
  })();
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    await dropLeftovers();
    process.exit(1);
  },
);
