import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorator';

/**
 * The benchmark's baseline: a GET that goes through the same Nest pipeline (logging, guard,
 * interceptors, serialisation) as every other route and does nothing else. Mounted only
 * with `BENCH_ROUTES=true`, so it is never part of the published API.
 */
@ApiExcludeController()
@Controller('bench')
export class PingController {
  @Get('ping')
  @Public()
  ping() {
    return { ok: true };
  }
}
