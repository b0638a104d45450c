import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Request } from 'express';
import { validationProblem } from '../http/problem';
import { CommandMeta } from './command-handling';

declare module 'express' {
  interface Request {
    idempotency?: CommandMeta['idempotency'];
  }
}

/** Collects the principal, `If-Match`, `Idempotency-Key` and correlation id of a command request. */
export function commandMetaOf(_: unknown, ctx: ExecutionContext): CommandMeta {
  const request = ctx.switchToHttp().getRequest<Request>();
  if (!request.principal) throw new UnauthorizedException();
  return {
    principal: request.principal,
    expectedVersion: parseIfMatch(request.header('if-match')),
    idempotency: request.idempotency,
    correlationId: String(request.id),
  };
}

/** A command route's meta; the OpenAPI document knows by it which routes honour `If-Match` and `Idempotency-Key`. */
export const CommandMetaFrom = createParamDecorator(commandMetaOf);

function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (!/^\d{1,9}$/.test(value)) throw validationProblem('If-Match must be a stream version (a non-negative integer)');
  return Number(value);
}
