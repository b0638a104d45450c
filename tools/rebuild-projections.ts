import 'reflect-metadata';
import { ALL_PROJECTIONS, databaseOptionsFrom, loadConfig, migrate, openDatabase, rebuildProjections } from '@coalition/infra';

/** `npm run projections:rebuild`: empties every read model and folds the event store into it again. */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(databaseOptionsFrom(config));
  try {
    await migrate(db);
    const started = Date.now();
    const report = await rebuildProjections(db, ALL_PROJECTIONS);
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `Rebuilt ${report.projections.join(', ')} from ${report.events} events (up to position ${report.headPosition}) in ${seconds.toFixed(1)} s\n`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
