import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Metrics } from '@coalition/infra';
import { Request, Response } from 'express';
import { Observable } from 'rxjs';

/** Request durations by route pattern (never the raw URL, which would explode the label set). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const stop = this.metrics.httpDuration.startTimer();
    response.once('finish', () =>
      stop({ method: request.method, route: request.route?.path ?? 'unmatched', status: String(response.statusCode) }),
    );
    return next.handle();
  }
}
