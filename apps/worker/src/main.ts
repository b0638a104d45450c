import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, keepIdleConnectionsOpen, loadConfig, QuietStartLogger } from '@coalition/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.embedded) {
    throw new ConfigError('Invalid configuration:\n  the worker runs against PostgreSQL and Kafka: set DATABASE_URL and KAFKA_BROKERS (the embedded default runs the worker inside `npm start`)');
  }
  const app = await NestFactory.create(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(new QuietStartLogger(app.get(Logger)));
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  keepIdleConnectionsOpen(app.getHttpServer());
  process.stdout.write(`Coalition worker running; health and metrics on http://localhost:${config.port}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Coalition worker failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
