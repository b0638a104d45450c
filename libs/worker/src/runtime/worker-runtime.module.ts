import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Database, KAFKA, WorkerLoops } from '@coalition/platform';
import { CommandExecutor, EventStore, KafkaJsonPublisher } from '@coalition/event-store';
import { DeadLetterQueue } from '@coalition/read-side';
import { Kafka } from 'kafkajs';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { LegalSignOnDeadline } from '../deadlines/legal-sign-on.deadline';
import { WorkerRuntime, EVENT_SINKS } from './worker-runtime';
import { CompactWorkflows } from '../process-managers/compact-workflows';

@Module({
  providers: [
    {
      provide: DeadlineScheduler,
      useFactory: (config: AppConfig, db: Database, loops: WorkerLoops) => new DeadlineScheduler(db, config.schedulerIntervalMs, 30, loops.status('scheduler')),
      inject: [APP_CONFIG, Database, WorkerLoops],
    },
    {
      // One queue for the projections and the process managers: the dead_letters table, and
      // the DLQ topic when Kafka is configured. The worker runtime closes it last.
      provide: DeadLetterQueue,
      useFactory: (config: AppConfig, db: Database, kafka?: Kafka) => new DeadLetterQueue(db, kafka && new KafkaJsonPublisher(kafka, config.topicPrefix)),
      inject: [APP_CONFIG, Database, { token: KAFKA, optional: true }],
    },
    {
      provide: CompactWorkflows,
      useFactory: (db: Database, store: EventStore, executor: CommandExecutor, scheduler: DeadlineScheduler, deadLetters: DeadLetterQueue) =>
        new CompactWorkflows(db, store, executor, scheduler, deadLetters),
      inject: [Database, EventStore, CommandExecutor, DeadlineScheduler, DeadLetterQueue],
    },
    // Process managers run after the projections, in the worker and in the embedded process alike.
    { provide: EVENT_SINKS, useFactory: (compacts: CompactWorkflows) => [...compacts.sinks], inject: [CompactWorkflows] },
    WorkerRuntime,
    LegalSignOnDeadline,
  ],
  exports: [WorkerRuntime, DeadlineScheduler],
})
export class WorkerRuntimeModule {}


