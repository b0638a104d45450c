import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@coalition/platform';
import { CheckpointWaiter } from '@coalition/read-side';
import { Request } from 'express';
import { from, mergeMap, Observable } from 'rxjs';
import { problem, ProblemException, validationProblem } from './problem';

/** `?minPosition=N` on any GET: answer once every projection has processed position N (or 503 after the wait). */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly waiter: CheckpointWaiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const raw = request.query?.minPosition;
    if (request.method !== 'GET' || raw === undefined) return next.handle();
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw validationProblem('minPosition must be a non-negative integer', [{ field: 'minPosition', message: 'must be a non-negative integer' }]);
    return from(this.waiter.waitFor(Number(raw), this.config.minPositionWaitMs)).pipe(
      mergeMap((reached) => {
        if (!reached) throw new ProblemException(problem(503, 'PROJECTION_LAGGING', `The read models have not reached position ${raw} yet`));
        return next.handle();
      }),
    );
  }
}
