import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from './public-route';
import { Metrics } from '../observability/metrics';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @PublicRoute()
  @ApiOperation({ operationId: 'scrapeMetrics', summary: 'Prometheus metrics', description: 'The Prometheus text exposition format; docs/operations.md lists what is measured.' })
  @ApiOkResponse({ description: 'Every metric of this process', content: { 'text/plain': { schema: { type: 'string' } } } })
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
