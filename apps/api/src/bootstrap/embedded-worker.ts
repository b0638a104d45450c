import { Type } from '@nestjs/common';
import { AppConfig } from '@coalition/platform';
import { WorkerRuntimeModule } from '@coalition/worker';

/**
 * The embedded default (no DATABASE_URL, no KAFKA_BROKERS) runs the worker inside the api
 * process, over the in-process bus. This is the one api file allowed to import the worker
 * library (eslint.config.js); in the production shape the worker is its own process (apps/worker).
 */
export const embeddedWorker = (config: Pick<AppConfig, 'embedded'>): Type[] => (config.embedded ? [WorkerRuntimeModule] : []);
