import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Database, KAFKA, LOG_SIGNER, PROCESS_NAME, ProcessName } from '@coalition/platform';
import { databaseOptionsFrom, migrate, openDatabase } from './database/data-source';
import { InProcessBus } from './messaging/in-process-bus';
import { createKafka } from './messaging/kafka';
import { CommandExecutor } from './store/command-executor';
import { EventStore } from './store/event-store';
import { IdempotencyStore } from './store/idempotency';
import { loadLogSigner } from './transparency/log-key';
import { TransparencyLog } from './transparency/transparency-log';

@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

/**
 * The write side both apps share: the database (migrated at start), the event store, the
 * command executor, idempotency keys, the transparency log and its key, and the transport (a
 * Kafka client, or the in-process bus of the embedded default). Needs PlatformModule.
 */
@Global()
@Module({
  providers: [
    {
      provide: Database,
      useFactory: async (config: AppConfig, processName: ProcessName) => {
        const db = await openDatabase(databaseOptionsFrom(config, `coalition-${processName}`));
        await migrate(db);
        return db;
      },
      inject: [APP_CONFIG, PROCESS_NAME],
    },
    DatabaseShutdown,
    { provide: EventStore, useFactory: (db: Database) => new EventStore(db), inject: [Database] },
    { provide: CommandExecutor, useFactory: (store: EventStore) => new CommandExecutor(store), inject: [EventStore] },
    { provide: IdempotencyStore, useFactory: (db: Database) => new IdempotencyStore(db), inject: [Database] },
    { provide: TransparencyLog, useFactory: (db: Database) => new TransparencyLog(db), inject: [Database] },
    { provide: LOG_SIGNER, useFactory: (config: AppConfig) => loadLogSigner(config), inject: [APP_CONFIG] },
    {
      provide: KAFKA,
      useFactory: (config: AppConfig) => (config.kafka ? createKafka({ ...config.kafka, topicPrefix: config.topicPrefix }) : undefined),
      inject: [APP_CONFIG],
    },
    { provide: InProcessBus, useFactory: (config: AppConfig) => (config.embedded ? new InProcessBus() : undefined), inject: [APP_CONFIG] },
  ],
  exports: [Database, EventStore, CommandExecutor, IdempotencyStore, TransparencyLog, LOG_SIGNER, KAFKA, InProcessBus],
})
export class EventStoreModule {}
