import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from './public-route';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Kafka } from 'kafkajs';
import { Database } from '../database/database';
import { KAFKA } from '../infra.tokens';


@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly db: Database,
    @Optional() @Inject(KAFKA) private readonly kafka?: Kafka,
  ) {}

  @Get('live')
  @PublicRoute()
  @ApiOperation({ operationId: 'checkLiveness', summary: 'Liveness probe', description: 'Answers while the process runs; it checks nothing else.' })
  @ApiOkResponse({ description: 'The process is up', schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @PublicRoute()
  @ApiOperation({ operationId: 'checkReadiness', summary: 'Readiness probe', description: 'Checks the database and, where configured, Kafka: 200 when all are up, 503 naming what is down.' })
  @HealthCheck()
  ready() {
    return this.health.check([() => this.database(), ...(this.kafka ? [() => this.broker(this.kafka as Kafka)] : [])]);
  }

  private async database() {
    const indicator = this.indicators.check('database');
    try {
      await withTimeout(this.db.query('SELECT 1'), 3_000);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async broker(kafka: Kafka) {
    const indicator = this.indicators.check('kafka');
    const admin = kafka.admin();
    try {
      await withTimeout(admin.connect(), 3_000);
      const cluster = await withTimeout(admin.describeCluster(), 3_000);
      return indicator.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}
