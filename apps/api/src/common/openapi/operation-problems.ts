import { API_KEY_SCOPES, DomainError, ROLES } from '@coalition/domain';
import type { OperationObject, ResponseObject } from '@nestjs/swagger';
import { TITLES } from '../http/problem';
import { DOMAIN_STATUS } from '../http/problem-details.filter';
import { RouteFacts } from './route-facts';

/** Why each problem status is answered, for the responses' descriptions. */
const WHEN: Record<number, string> = {
  400: 'The request is malformed: unknown or missing fields, wrong types or formats (`errors` names each field)',
  401: 'No, expired or invalid credentials',
  403: 'Authenticated, but not allowed: a role or scope the route does not accept, or acting for another state',
  404: 'Nothing is known by that id',
  409: 'A business rule or a concurrent change refused the command; `code` says which',
  412: '`If-Match` named a version the stream has moved past',
  413: 'The body is larger than 1 MB',
  415: 'The body is not `application/json`',
  429: 'Too many requests: wait for `Retry-After` seconds',
  503: 'A dependency is unavailable or the read models lag: retry after `Retry-After` seconds (a command with the same `Idempotency-Key` takes effect once)',
};

/** Response headers, by the problem status that carries them. */
const HEADERS: Record<number, string[]> = { 401: ['WWW-Authenticate'], 429: ['Retry-After'], 503: ['Retry-After'] };

const restricts = (facts: RouteFacts): boolean => {
  const policy = facts.policy;
  if (!policy || policy.public) return false;
  const everyRole = !policy.roles || ROLES.every((role) => policy.roles?.includes(role));
  const everyScope = API_KEY_SCOPES.every((scope) => policy.scopes?.includes(scope));
  return !everyRole || !everyScope;
};

/**
 * Every problem an operation can answer, by status: those its shape implies (credentials, a
 * path parameter, a body, a command's `If-Match` and `Idempotency-Key`, every route's rate
 * limit and database) and those its own code can throw (derived from the code).
 */
export function problemCodes(path: string, method: string, operation: OperationObject, facts: RouteFacts): Map<number, Set<string>> {
  const codes = new Map<number, Set<string>>();
  const add = (status: number, code: string) => codes.set(status, new Set([...(codes.get(status) ?? []), code]));
  const isApi = path.startsWith('/api/');
  // Whatever a route takes (parameters, a body, a command's headers) is validated strictly.
  if (operation.parameters?.length || operation.requestBody || facts.isCommand) add(400, 'VALIDATION_FAILED');
  if (!facts.policy?.public) add(401, 'UNAUTHENTICATED');
  if (restricts(facts)) add(403, 'FORBIDDEN');
  if ((operation.parameters ?? []).some((p) => 'in' in p && p.in === 'path')) add(404, 'NOT_FOUND');
  if (facts.isCommand) {
    add(409, 'VERSION_CONFLICT');
    add(409, 'IDEMPOTENCY_KEY_REUSED');
    add(412, 'VERSION_CONFLICT');
  }
  if (operation.requestBody) {
    add(413, 'PAYLOAD_TOO_LARGE');
    add(415, 'UNSUPPORTED_MEDIA_TYPE');
  }
  add(429, 'RATE_LIMITED');
  if (isApi) add(503, 'DATABASE_UNAVAILABLE');
  // A bearer token of a state's identity provider whose keys cannot be fetched.
  if (!facts.policy?.public) add(503, 'IDENTITY_PROVIDER_UNAVAILABLE');
  if (isApi && method === 'get') add(503, 'PROJECTION_LAGGING');
  for (const problem of facts.problems) add('status' in problem ? problem.status : DOMAIN_STATUS[problem.kind as DomainError['kind']], problem.code);
  return codes;
}

/** One problem answer: the shared Problem schema, its `code` narrowed to what this route gives with this status. */
export function problemResponse(status: number, codes: Set<string>, existing: ResponseObject | undefined): ResponseObject {
  const listed = [...codes].sort();
  return {
    description: existing?.description ?? WHEN[status] ?? TITLES[status] ?? 'Error',
    headers: Object.fromEntries((HEADERS[status] ?? []).map((name) => [name, { $ref: `#/components/headers/${name}` }])),
    content: {
      'application/problem+json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: listed } } },
          ],
        },
      },
    },
  };
}
