import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { AppConfig } from './config/config';
import { openDatabase, databaseOptionsFrom, migrate } from './database/data-source';
import { Database } from './database/database';
import { CommandExecutor } from './event-store/command-executor';
import { EventStore } from './event-store/event-store';
import { IdempotencyStore } from './event-store/idempotency';
import { InProcessBus } from './messaging/in-process-bus';
import { createKafka } from './messaging/kafka';
import { Metrics } from './observability/metrics';
import { WorkerLoops } from './observability/worker-loops';
import { CheckpointWaiter } from './projections/checkpoint-waiter';
import { ALL_PROJECTIONS, MemberStatesRepository, UsersRepository } from './read-models';
import { APP_CONFIG, KAFKA, LOG_SIGNER } from './infra.tokens';
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
 * Everything both apps share: configuration, the database (migrated at start), the event
 * store, read-model repositories, metrics and the transport (a Kafka client, or the
 * in-process bus of the embedded default).
 */
@Global()
@Module({})
export class InfraModule {
  static forRoot(config: AppConfig, processName: 'api' | 'worker' | 'embedded'): DynamicModule {
    return {
      module: InfraModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: Database,
          useFactory: async () => {
            const db = await openDatabase(databaseOptionsFrom(config, `coalition-${processName}`));
            await migrate(db);
            return db;
          },
        },
        DatabaseShutdown,
        { provide: EventStore, useFactory: (db: Database) => new EventStore(db), inject: [Database] },
        { provide: CommandExecutor, useFactory: (store: EventStore) => new CommandExecutor(store), inject: [EventStore] },
        { provide: IdempotencyStore, useFactory: (db: Database) => new IdempotencyStore(db), inject: [Database] },
        { provide: CheckpointWaiter, useFactory: (db: Database) => new CheckpointWaiter(db, ALL_PROJECTIONS), inject: [Database] },
        { provide: MemberStatesRepository, useFactory: (db: Database) => new MemberStatesRepository(db), inject: [Database] },
        { provide: UsersRepository, useFactory: (db: Database) => new UsersRepository(db), inject: [Database] },
        { provide: TransparencyLog, useFactory: (db: Database) => new TransparencyLog(db), inject: [Database] },
        { provide: LOG_SIGNER, useFactory: () => loadLogSigner(config) },
        { provide: Metrics, useValue: new Metrics(processName) },
        { provide: WorkerLoops, useFactory: (metrics: Metrics) => new WorkerLoops(metrics), inject: [Metrics] },
        {
          provide: KAFKA,
          useValue: config.kafka
            ? createKafka({ ...config.kafka, topicPrefix: config.topicPrefix })
            : undefined,
        },
        { provide: InProcessBus, useValue: config.embedded ? new InProcessBus() : undefined },
      ],
      exports: [
        APP_CONFIG, Database, EventStore, CommandExecutor, IdempotencyStore, CheckpointWaiter,
        MemberStatesRepository, UsersRepository, Metrics, WorkerLoops, KAFKA, InProcessBus, TransparencyLog, LOG_SIGNER,
      ],
    };
  }
}

export type { Kafka };
