import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { Database } from '../database/database';
import { APP_CONFIG } from '../infra.tokens';
import { DeadlineScheduler } from '../scheduling/deadline-scheduler';
import { WorkerRuntime, EVENT_SINKS } from './worker-runtime';
import { CommandExecutor } from '../event-store/command-executor';
import { EventStore } from '../event-store/event-store';
import { CompactWorkflows } from '../process-managers/compact-workflows';

@Module({
  providers: [
    {
      provide: DeadlineScheduler,
      useFactory: (config: AppConfig, db: Database) => new DeadlineScheduler(db, config.schedulerIntervalMs),
      inject: [APP_CONFIG, Database],
    },
    {
      provide: CompactWorkflows,
      useFactory: (db: Database, store: EventStore, executor: CommandExecutor, scheduler: DeadlineScheduler) =>
        new CompactWorkflows(db, store, executor, scheduler),
      inject: [Database, EventStore, CommandExecutor, DeadlineScheduler],
    },
    // Process managers run after the projections, in the worker and in the embedded process alike.
    { provide: EVENT_SINKS, useFactory: (compacts: CompactWorkflows) => [...compacts.sinks], inject: [CompactWorkflows] },
    WorkerRuntime,
  ],
  exports: [WorkerRuntime, DeadlineScheduler],
})
export class WorkerRuntimeModule {}


