import { Module } from '@nestjs/common';
import { PingController } from './ping/ping.http.controller';

/** Routes for `npm run bench` only (see docs/BENCHMARKS.md); imported when `BENCH_ROUTES=true`. */
@Module({ controllers: [PingController] })
export class BenchModule {}
