import { Module } from '@nestjs/common';
import { AppConfig } from '../config/config';
import { Database } from '../database/database';
import { APP_CONFIG } from '../infra.tokens';
import { DeadlineScheduler } from '../scheduling/deadline-scheduler';
import { LegalSignOnDeadline } from '../scheduling/legal-sign-on.deadline';
import { WorkerRuntime } from './worker-runtime';

@Module({
  providers: [
    {
      provide: DeadlineScheduler,
      useFactory: (config: AppConfig, db: Database) => new DeadlineScheduler(db, config.schedulerIntervalMs),
      inject: [APP_CONFIG, Database],
    },
    WorkerRuntime,
    LegalSignOnDeadline,
  ],
  exports: [WorkerRuntime, DeadlineScheduler],
})
export class WorkerRuntimeModule {}


