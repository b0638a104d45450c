import { Controller, Get, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { Response } from 'express';
import { Kafka } from 'kafkajs';
import { Database } from '../database/database';
import { KAFKA } from '../platform.tokens';
import { LoopStatus, WorkerLoops } from '../loops/worker-loops';
import { PublicRoute } from './public-route';

/** How long a readiness probe waits for each dependency; the probe itself must never hang. */
const CHECK_TIMEOUT_MS = 3_000;

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: Database,
    @Optional() @Inject(KAFKA) private readonly kafka?: Kafka,
    @Optional() private readonly loops?: WorkerLoops,
  ) {}

  @Get('live')
  @PublicRoute()
  @ApiOperation({ operationId: 'checkLiveness', summary: 'Liveness probe', description: 'Answers while the process runs; it checks nothing else.' })
  @ApiOkResponse({ description: 'The process is up', schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' };
  }

  /**
   * 200 when the database answers, Kafka answers (where configured) and, in a process that
   * runs the worker's loops, every loop is running and made progress within the last minute;
   * else 503 with `Retry-After` and the same details, so a probe or an operator sees which
   * part is down and, for a loop, its state, last progress and last error. Nothing is cached:
   * it is ready again as soon as what failed is back.
   */
  @Get('ready')
  @PublicRoute()
  @ApiOperation({ operationId: 'checkReadiness', summary: 'Readiness probe', description: 'Checks the database, Kafka where configured, and the worker loops a process runs: 200 when all are up, 503 with Retry-After naming what is down.' })
  @HealthCheck()
  async ready(@Res({ passthrough: true }) response: Response) {
    const checks: HealthIndicatorFunction[] = [() => this.database()];
    if (this.kafka) checks.push(() => this.broker(this.kafka as Kafka));
    for (const loop of this.loops?.all() ?? []) checks.push(() => this.loop(loop));
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503).setHeader('Retry-After', '5');
      return error.getResponse();
    }
  }

  private async database() {
    const indicator = this.indicators.check('database');
    try {
      await withTimeout(this.db.query('SELECT 1'), CHECK_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async broker(kafka: Kafka) {
    const indicator = this.indicators.check('kafka');
    const admin = kafka.admin();
    try {
      await withTimeout(admin.connect(), CHECK_TIMEOUT_MS);
      const cluster = await withTimeout(admin.describeCluster(), CHECK_TIMEOUT_MS);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async loop(loop: LoopStatus) {
    const indicator = this.indicators.check(loop.name);
    const { healthy, ...report } = loop.report();
    return healthy ? indicator.up(report) : indicator.down(report);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}
