import 'reflect-metadata';
import { ConfigError, keepIdleConnectionsOpen, loadConfig } from '@coalition/infra';
import { createApi } from './bootstrap/create-api';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi(config);
  await app.listen(config.port, '0.0.0.0');
  keepIdleConnectionsOpen(app.getHttpServer());
  const where = `http://localhost:${config.port}`;
  process.stdout.write(
    `Coalition api listening on ${where} (${config.embedded ? `embedded: PGlite under ${config.dataDir}, in-process transport, worker in this process` : 'PostgreSQL + Kafka'}); API docs at ${where}/docs\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Coalition api failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
