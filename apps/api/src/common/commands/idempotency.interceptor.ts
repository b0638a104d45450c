import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { IdempotencyStore, requestHash } from '@coalition/event-store';
import { Request, Response } from 'express';
import { catchError, from, mergeMap, Observable, of } from 'rxjs';
import { validationProblem } from '../http/problem';

/**
 * `Idempotency-Key` on a POST: a repeat by the same principal gets the first answer and
 * writes nothing. Two racing first attempts both reach the append; the loser's transaction
 * fails on the key's primary key and it answers what the winner stored.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.header('idempotency-key');
    if (key === undefined || request.method === 'GET' || !request.principal) return next.handle();
    if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw validationProblem('Idempotency-Key must be 1 to 255 visible ASCII characters');
    const hash = requestHash(request.method, request.originalUrl, request.body);
    const principalId = request.principal.id;
    const response = context.switchToHttp().getResponse<Response>();
    const replay = (answer: { status: number; body: unknown }) => {
      response.status(answer.status);
      response.setHeader('Idempotent-Replayed', 'true');
      return answer.body;
    };
    return from(this.store.find(principalId, key, hash)).pipe(
      mergeMap((stored) => {
        if (stored) return of(replay(stored));
        request.idempotency = { key, hash };
        return next.handle().pipe(
          catchError((error: unknown) => {
            const constraint = (error as { constraint?: string; driverError?: { constraint?: string } });
            if ((constraint.driverError?.constraint ?? constraint.constraint) !== 'idempotency_keys_pkey') throw error;
            return from(this.store.find(principalId, key, hash)).pipe(
              mergeMap((winner) => {
                if (!winner) throw error;
                return of(replay(winner));
              }),
            );
          }),
        );
      }),
    );
  }
}
