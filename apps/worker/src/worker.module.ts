import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, InfraModule, logDestination, logFormatFor, OpsModule, WorkerRuntimeModule } from '@coalition/infra';
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
        InfraModule.forRoot(config, 'worker'),
        OpsModule,
        WorkerRuntimeModule,
      ],
    };
  }
}
