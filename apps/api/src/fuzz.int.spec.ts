import fc from 'fast-check';
import { callerFor, RunningApi, startApi } from './testing/running-api';

jest.setTimeout(240_000);

/** How many requests, from which seed: fixed, so a failure replays exactly. */
const REQUESTS = 5_000;
const SEED = 20261203;
const CONCURRENCY = 8;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyProperties?: string[];
}

interface FuzzRequest {
  operation: number;
  who: number;
  pathValues: string[];
  query: [string, string][];
  body: { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string };
  contentType: string;
}

type OpenApi = {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
};

function operationsOf(document: OpenApi): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
      const schema = ref ? document.components?.schemas?.[ref.split('/').pop() ?? ''] : undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        bodyProperties: schema ? Object.keys(schema.properties ?? {}) : undefined,
      });
    }
  }
  return operations;
}

const scalar = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('WA', 'wa', '2026-01-01', '2026-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000', '\u0000', 'a'.repeat(5_000), '../..', '%00', '["*"]', 'https://127.0.0.1/x'),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 10 }), scalar, { maxKeys: 4 }), fc.jsonValue({ maxDepth: 3 }));
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A request to one operation: its own body's property names with wrong, odd or missing values, or any JSON, or text that is not JSON. */
const requestFor = (operations: Operation[], principals: number) =>
  fc.nat({ max: operations.length - 1 }).chain((operation) => {
    const op = operations[operation];
    const propertyBody = fc
      .tuple(
        fc.subarray(op.bodyProperties ?? []),
        fc.array(value, { minLength: (op.bodyProperties ?? []).length, maxLength: (op.bodyProperties ?? []).length }),
        fc.option(fc.constantFrom('__proto__', 'constructor', 'unknownField', 'prototype'), { nil: undefined }),
      )
      .map(([names, values, extra]) => {
        const body: Record<string, unknown> = {};
        names.forEach((name, i) => (body[name] = values[i]));
        if (extra) body[extra] = { polluted: true };
        return body;
      });
    return fc.record<FuzzRequest>({
      operation: fc.constant(operation),
      who: fc.nat({ max: principals - 1 }),
      pathValues: fc.array(
        fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.constantFrom('WA', 'zz', '%00', 'a'.repeat(300), '..', 'null')),
        { minLength: op.pathParams.length, maxLength: op.pathParams.length },
      ),
      query: fc.array(fc.tuple(fc.constantFrom(...op.queryParams, 'minPosition', 'unknown'), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('-1', '1e309', '%00', '99999999999999999999'))), { maxLength: 3 }),
      body: fc.oneof(
        fc.constant({ kind: 'none' as const }),
        propertyBody.map((v) => ({ kind: 'json' as const, value: v })),
        value.map((v) => ({ kind: 'json' as const, value: v })),
        fc.constantFrom('{', '{"a":', 'null', '[]', '"text"', deep(40), deep(3_000), '{"__proto__":{"x":1}}', '\u00ff\u00fe', '{"a":1,"a":2}').map((text) => ({ kind: 'raw' as const, text })),
      ),
      contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded'),
    });
  });

/**
 * Mutated requests over every operation the OpenAPI document lists, as anonymous, an admin, a
 * coordinator and an API key, against the real api over HTTP on PostgreSQL and Kafka: none may
 * answer 5xx, and every 4xx is problem+json.
 */
describe('fuzzing every operation in /docs-json', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  }, 120_000);

  afterAll(() => api?.stop(), 30_000);

  it(`answers ${REQUESTS} mutated requests without a 5xx, and problem+json on every 4xx`, async () => {
    expect((await api.admin('POST', '/api/v1/states', { code: 'WA', name: 'Washington', population: 7_000_000 })).status).toBe(201);
    const coordinator = await api.admin('POST', '/api/v1/users', { username: 'fuzz.coordinator', password: 'fuzz password 12+', displayName: 'F', roles: ['coordinator'], stateCode: 'WA' });
    expect(coordinator.status).toBe(201);
    const key = await api.admin('POST', '/api/v1/api-keys', { name: 'fuzz', stateCode: 'WA', scopes: ['read', 'resources:write'] });
    const adminToken = await api.login('matrix.admin', 'a long admin password');
    const credentials: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${adminToken}` },
      { authorization: `Bearer ${await api.login('fuzz.coordinator', 'fuzz password 12+')}` },
      { 'x-api-key': String(key.body.key) },
    ];
    const document = (await callerFor(api.url)<OpenApi>('GET', '/docs-json')).body;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(40);

    const requests = fc.sample(requestFor(operations, credentials.length), { seed: SEED, numRuns: REQUESTS });
    const failures: string[] = [];
    const covered = new Set<number>();
    const byStatus = new Map<number, number>();
    let next = 0;
    const send = async (request: FuzzRequest) => {
      const op = operations[request.operation];
      covered.add(request.operation);
      let path = op.path;
      op.pathParams.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(request.pathValues[i]))));
      const query = new URLSearchParams(request.query).toString();
      const body = request.body.kind === 'none' ? undefined : request.body.kind === 'raw' ? request.body.text : JSON.stringify(request.body.value);
      const response = await fetch(`${api.url}${path}${query ? `?${query}` : ''}`, {
        method: op.method,
        headers: { ...credentials[request.who], ...(body !== undefined ? { 'content-type': request.contentType } : {}) },
        body: op.method === 'GET' ? undefined : body,
      });
      const type = response.headers.get('content-type') ?? '';
      byStatus.set(response.status, (byStatus.get(response.status) ?? 0) + 1);
      await response.arrayBuffer();
      const where = `${op.method} ${path}${query ? `?${query}` : ''} as #${request.who} with ${body?.slice(0, 120)}`;
      if (response.status >= 500) failures.push(`${response.status} ${where}`);
      else if (response.status >= 400 && !type.includes('application/problem+json')) failures.push(`${response.status} without problem+json (${type}) ${where}`);
    };
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) await send(requests[next++]);
      }),
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(covered.size).toBe(operations.length);
    // The requests reached the routes: refused for their bodies, their ids, their callers, and some accepted.
    const count = (from: number, to: number) => [...byStatus].filter(([status]) => status >= from && status < to).reduce((n, [, c]) => n + c, 0);
    expect({ ok: count(200, 300) > 50, invalid: (byStatus.get(400) ?? 0) > 500, unauthenticated: (byStatus.get(401) ?? 0) > 200, forbidden: (byStatus.get(403) ?? 0) > 50 })
      .toEqual({ ok: true, invalid: true, unauthenticated: true, forbidden: true });
  });
});
