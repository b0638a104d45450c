import { METHODS } from 'node:http';
import { NextFunction, Request, Response } from 'express';
import { match, MatchFunction } from 'path-to-regexp';
import typeis from 'type-is';
import { Metrics } from '@coalition/platform';
import { problem, ProblemException } from './problem';

/** The one body media type the api reads (body-parser's own test decides, so the two never disagree). */
const JSON_TYPES = ['application/json'];

/**
 * 415 for a request whose body is not JSON. Without it, express skips the body and the route's
 * validation answers 400 for "missing fields", which hides the real fault.
 */
export function unsupportedMediaType(request: Request, _response: Response, next: NextFunction): void {
  // An empty body (`Content-Length: 0`, which fetch sends with a bodiless POST) needs no type.
  const length = request.headers['content-length'];
  const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (hasBody && !typeis(request, JSON_TYPES)) {
    const type = request.headers['content-type'];
    return next(
      new ProblemException(problem(415, 'UNSUPPORTED_MEDIA_TYPE', type ? `A body of type ${type.slice(0, 100)} is not accepted; send application/json` : 'A body needs Content-Type: application/json')),
    );
  }
  next();
}

/**
 * Times every answered request, whatever answered it: a route, the guard's 401 or 403, the
 * 404 for an unknown path, a body the parser refused. (An interceptor sees only what reaches a
 * route handler, which leaves authentication failures out.) The label is the route pattern,
 * never the raw URL, which would explode the label set.
 */
export const httpMetrics = (metrics: Metrics) => (request: Request, response: Response, next: NextFunction): void => {
  const stop = metrics.httpDuration.startTimer();
  response.once('finish', () => {
    stop({ method: request.method, route: endpointOf(request) ?? 'unmatched', status: String(response.statusCode) });
  });
  next();
};

interface ExpressRoute {
  path: string | string[];
  methods: Record<string, boolean>;
}

interface RouteLayer {
  route?: ExpressRoute;
}

/**
 * Nest mounts its middleware (logging, for one) as express routes that serve every method;
 * only a route that serves some methods is an endpoint.
 */
const isEndpoint = (route: ExpressRoute | undefined): route is ExpressRoute => !!route && !METHODS.every((method) => route.methods[method.toLowerCase()]);

/** The pattern of the endpoint that answered `request`, or undefined when none matched. */
export const endpointOf = (request: Request): string | undefined => {
  const route = request.route as ExpressRoute | undefined;
  return isEndpoint(route) ? [route.path].flat().join('|') : undefined;
};

/** The methods each route path serves, from express's own router once the application is initialised. */
export class RouteTable {
  private routes?: { matches: MatchFunction<object>[]; methods: Set<string> }[];

  constructor(private readonly stack: () => RouteLayer[]) {}

  /** The methods `path` is served with (HEAD wherever GET is), or none for an unknown path. */
  allowed(path: string): string[] {
    this.routes ??= this.build();
    const methods = new Set<string>();
    for (const route of this.routes) if (route.matches.some((m) => m(path) !== false)) route.methods.forEach((method) => methods.add(method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  }

  private build() {
    const byPath = new Map<string, Set<string>>();
    for (const layer of this.stack()) {
      if (!isEndpoint(layer.route)) continue;
      for (const path of [layer.route.path].flat()) {
        const methods = byPath.get(path) ?? new Set<string>();
        for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') methods.add(method.toUpperCase());
        byPath.set(path, methods);
      }
    }
    return [...byPath].map(([path, methods]) => ({ matches: [match(path, { decode: false })], methods }));
  }
}

/** RFC 6750 forbids `"` and `\` in error_description. */
const quotable = (text: string): string => text.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, ' ').slice(0, 200);

/**
 * The challenges of a 401 (RFC 9110 §11.6.1 requires one; RFC 6750 §3 says what a bearer
 * challenge holds): `error="invalid_token"` when a bearer token was presented and refused,
 * `invalid_request` for a malformed Authorization header, none when no credentials came; then
 * the API-key scheme, for routes that accept keys.
 */
export function authenticationChallenges(request: Request, detail: string): string[] {
  const authorization = request.headers.authorization;
  const bearer = authorization ? /^Bearer\s+\S+$/i.test(authorization.trim()) : undefined;
  const base = 'Bearer realm="coalition"';
  const challenge =
    bearer === undefined
      ? base
      : bearer
        ? `${base}, error="invalid_token", error_description="${quotable(detail)}"`
        : `${base}, error="invalid_request", error_description="The Authorization header is not a Bearer token"`;
  const keyChallenge = request.headers['x-api-key'] ? 'ApiKey realm="coalition", header="X-API-Key", error="invalid_key"' : 'ApiKey realm="coalition", header="X-API-Key"';
  return [challenge, keyChallenge];
}
