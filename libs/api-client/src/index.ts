import createClient, { Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './generated/coalition-api';

export type { components, operations, paths };

export interface CoalitionClientOptions {
  /** Where the api is served, without `/api/v1` (`https://coalition.example.gov`, or `window.location.origin`). */
  baseUrl: string;
  /** Another fetch (a test's, a proxy's); the global one by default. */
  fetch?: typeof fetch;
  /** Read before every request, so a renewed token is used at once. */
  token?: () => string | undefined;
  /** An agency system's key, sent as `X-API-Key`. */
  apiKey?: string;
}

/**
 * A typed client of the Coalition HTTP API (openapi-fetch over the types generated from the
 * api's own OpenAPI document), for Node and the browser alike: paths, bodies, query
 * parameters and answers, problems included, are checked by the compiler.
 */
export function createCoalitionClient(options: CoalitionClientOptions) {
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const credentials: Middleware = {
    onRequest({ request }) {
      const token = options.token?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      if (options.apiKey) request.headers.set('x-api-key', options.apiKey);
      return request;
    },
  };
  client.use(credentials);
  return client;
}

export type CoalitionClient = ReturnType<typeof createCoalitionClient>;

/** The RFC 9457 problem every error answers with. */
export type Problem = components['schemas']['Problem'];
