import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, DataDirInUse, keepIdleConnectionsOpen, loadConfig, lockHolderOf } from '@coalition/platform';
import { embeddedDirOf } from '@coalition/event-store';
import { dataLocation, readyBanner } from './bootstrap/banner';
import { createApi } from './bootstrap/create-api';
import { BootstrapAdmin } from './identity/bootstrap-admin';

async function main(): Promise<void> {
  const config = loadConfig();
  // Said before Nest starts, so it is one line rather than a framework stack trace (opening the database takes the lock itself).
  const holder = config.embedded ? lockHolderOf(embeddedDirOf(config)) : undefined;
  if (holder) throw new DataDirInUse(embeddedDirOf(config), holder);
  const app = await createApi(config);
  await app.listen(config.port, '0.0.0.0');
  keepIdleConnectionsOpen(app.getHttpServer());
  const firstAdmin = app.get(BootstrapAdmin, { strict: false }).generated;
  process.stdout.write(readyBanner({ port: config.port, data: dataLocation(config, (path) => resolve(path)), embedded: config.embedded, firstAdmin }));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof DataDirInUse) {
    process.stderr.write(`Coalition api not started. ${error.message}\n`);
    process.exit(4);
  }
  process.stderr.write(`Coalition api failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
