import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, HttpException, Inject } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../platform.tokens';
import { PublicRoute } from './public-route';
import { Metrics } from '../observability/metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @PublicRoute()
  @ApiOperation({
    operationId: 'scrapeMetrics',
    summary: 'Prometheus metrics',
    description:
      'The Prometheus text exposition format; docs/operations.md lists what is measured. Needs `Authorization: Bearer <METRICS_TOKEN>` ' +
      'when the deployment sets METRICS_TOKEN; without one it is open in the embedded default and refused in the production shape.',
  })
  @ApiHeader({ name: 'Authorization', required: false, description: 'Bearer <METRICS_TOKEN>' })
  @ApiOkResponse({ description: 'Every metric of this process', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiUnauthorizedResponse({ description: 'No or a wrong metrics token' })
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (!this.mayScrape(authorization)) {
      throw new HttpException({ message: 'Scraping /metrics needs Authorization: Bearer <METRICS_TOKEN>' }, 401);
    }
    return this.metrics.registry.metrics();
  }

  private mayScrape(authorization: string | undefined): boolean {
    const token = this.config.metricsToken;
    if (!token) return this.config.embedded;
    const presented = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    // Compared as digests: equal length, constant time, whatever was presented.
    return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
  }
}
