import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError } from '@coalition/domain';
import { isDatabaseUnavailable, Metrics } from '@coalition/platform';
import { WrongExpectedVersion } from '@coalition/event-store';
import { Request, Response } from 'express';
import { authenticationChallenges, endpointOf, RouteTable } from './http-conventions';
import { problem, Problem, ProblemException } from './problem';

export const DOMAIN_STATUS: Record<DomainError['kind'], number> = { conflict: 409, 'not-found': 404, forbidden: 403, invalid: 400 };
const HTTP_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};
/**
 * Seconds a client should wait before retrying a 503. A PostgreSQL restart takes a few
 * seconds; a projection catching up, about one; a state's identity provider, ours to guess.
 */
const RETRY_AFTER_SECONDS: Record<string, number> = { DATABASE_UNAVAILABLE: 2, PROJECTION_LAGGING: 1, IDENTITY_PROVIDER_UNAVAILABLE: 5 };
/** Every 429 and 503 says when to come back, even one whose thrower named no time. */
const DEFAULT_RETRY_AFTER_SECONDS: Record<number, number> = { 429: 1, 503: 2 };
/** During an outage every request fails alike: one log line per this many milliseconds, with the count. */
const OUTAGE_LOG_EVERY_MS = 5_000;
/** PostgreSQL rejects some input the validators cannot see (a NUL in text, for one): still the caller's fault. */
const PG_BAD_INPUT = new Set(['22P05', '22021', '22P02', '22003', '22007', '22008', '54000']);

/** The one place any error becomes RFC 9457 problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');
  private unavailable = { since: 0, count: 0 };
  private readonly routes: RouteTable;

  constructor(
    private readonly metrics: Metrics,
    adapterHost: HttpAdapterHost,
  ) {
    this.routes = new RouteTable(() => (adapterHost.httpAdapter.getInstance() as { router: { stack: [] } }).router.stack);
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    let body = this.toProblem(error, request);
    if (body.status === 404 && error instanceof NotFoundException && !endpointOf(request)) {
      // No route matched: a known path with another method is 405 (RFC 9110 §15.5.6), with Allow.
      const allowed = this.routes.allowed(request.path);
      if (allowed.length > 0 && !response.headersSent) {
        response.setHeader('Allow', allowed.join(', '));
        if (request.method === 'OPTIONS') {
          response.status(204).end();
          return;
        }
        body = problem(405, 'METHOD_NOT_ALLOWED', `${request.path.slice(0, 200)} serves ${allowed.join(', ')}, not ${request.method}`);
      }
    }
    if (body.status === 403) {
      // Denials are themselves part of the record: the guard's (role, scope) and the domain's (another state) alike.
      const principal = request.principal;
      this.logger.warn({
        msg: 'access denied',
        principal: principal ? { id: principal.id, kind: principal.kind, stateCode: principal.stateCode, roles: principal.roles } : null,
        route: `${request.method} ${request.route?.path ?? request.path}`,
        url: request.originalUrl,
        code: body.code,
        detail: body.detail,
      });
    }
    if (response.headersSent) return;
    const retryAfter = body.status === 503 ? RETRY_AFTER_SECONDS[body.code] : undefined;
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    if (error instanceof ProblemException) for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
    if (DEFAULT_RETRY_AFTER_SECONDS[body.status] && !response.hasHeader('Retry-After')) {
      response.setHeader('Retry-After', String(DEFAULT_RETRY_AFTER_SECONDS[body.status]));
    }
    if (body.status === 401) response.setHeader('WWW-Authenticate', authenticationChallenges(request, body.detail));
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(error: unknown, request: Request): Problem {
    if (error instanceof ProblemException) return error.problem;
    // Before anything else: an unreachable database is never the caller's fault, nor a bug.
    if (isDatabaseUnavailable(error)) return this.databaseUnavailable(error, request);
    if (error instanceof WrongExpectedVersion) {
      return problem(error.pinned ? 412 : 409, 'VERSION_CONFLICT', error.message);
    }
    if (error instanceof DomainError) return problem(DOMAIN_STATUS[error.kind], error.code, error.message);
    if (error instanceof ThrottlerException) return problem(429, 'RATE_LIMITED', 'Too many requests; try again later');
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const detail = messageOf(error.getResponse()) ?? error.message;
      if (status < 500) return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, detail);
    }
    const bodyParser = error as { type?: string; status?: number; message?: string };
    if (bodyParser?.type === 'entity.parse.failed') return problem(400, 'VALIDATION_FAILED', 'The body is not valid JSON');
    if (bodyParser?.type === 'entity.too.large') return problem(413, 'PAYLOAD_TOO_LARGE', 'The body is too large');
    if (bodyParser?.status && bodyParser.status >= 400 && bodyParser.status < 500) {
      return problem(bodyParser.status, HTTP_CODES[bodyParser.status] ?? `HTTP_${bodyParser.status}`, bodyParser.message ?? 'Bad request');
    }
    const pgCode = (error as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (error as { code?: string })?.code;
    if (pgCode && PG_BAD_INPUT.has(pgCode)) return problem(400, 'VALIDATION_FAILED', 'A value in the request cannot be stored');
    this.logger.error({ msg: 'unhandled error', route: `${request.method} ${request.originalUrl}`, err: error });
    return problem(500, 'INTERNAL', 'An unexpected error occurred');
  }

  /** 503 `DATABASE_UNAVAILABLE`: safe to retry, with the same Idempotency-Key for a command. */
  private databaseUnavailable(error: unknown, request: Request): Problem {
    this.metrics.databaseUnavailable.inc();
    const now = Date.now();
    this.unavailable.count += 1;
    if (now - this.unavailable.since >= OUTAGE_LOG_EVERY_MS) {
      this.logger.warn({ msg: 'database unavailable; answered 503', requests: this.unavailable.count, route: `${request.method} ${request.originalUrl}`, error: (error as Error)?.message });
      this.unavailable = { since: now, count: 0 };
    }
    return problem(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable; retry after the time in Retry-After (commands with the same Idempotency-Key take effect once)');
  }
}

/**
 * RFC 6750's challenge: `invalid_token` when a bearer token was presented and refused (bad
 * signature, expired, a provider vouching beyond its states, an ID token, an unknown issuer),
 * no error code when none was.
 */
function messageOf(response: string | object): string | undefined {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}
