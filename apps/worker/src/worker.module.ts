import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, logDestination, logFormatFor, OpsModule, PlatformModule } from '@coalition/platform';
import { EventStoreModule } from '@coalition/event-store';
import { ReadSideModule } from '@coalition/read-side';
import { WorkerRuntimeModule } from '@coalition/worker';
import { LoggerModule } from 'nestjs-pino';

/**
 * The worker process: the outbox relay, the consumer group feeding projections (and later
 * process managers and webhook delivery), the deadline scheduler, and /health + /metrics.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    const options = { level: config.logLevel, autoLogging: false };
    const destination = logDestination(logFormatFor(config.logFormat));
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options }),
        PlatformModule.forRoot(config, 'worker'),
        EventStoreModule,
        ReadSideModule,
        OpsModule,
        WorkerRuntimeModule,
      ],
    };
  }
}
