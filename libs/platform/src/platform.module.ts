import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config/config';
import { Metrics } from './observability/metrics';
import { WorkerLoops } from './loops/worker-loops';
import { APP_CONFIG, PROCESS_NAME } from './platform.tokens';

export type ProcessName = 'api' | 'worker' | 'embedded';

/**
 * What every process has before it touches the store: its configuration, its name, metrics and
 * the health of its background loops. The event store and read side modules build on it.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, processName: ProcessName): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PROCESS_NAME, useValue: processName },
        { provide: Metrics, useValue: new Metrics(processName) },
        { provide: WorkerLoops, useFactory: (metrics: Metrics) => new WorkerLoops(metrics), inject: [Metrics] },
      ],
      exports: [APP_CONFIG, PROCESS_NAME, Metrics, WorkerLoops],
    };
  }
}
