import { ADMIN, metricsAuth, Stack } from './stack';

jest.setTimeout(60_000);

interface Raw {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

/**
 * The HTTP conventions an integrator's client relies on (RFC 9110, RFC 6750, RFC 9457): a
 * challenge on every 401, Retry-After on every 429 and 503, 405 with Allow, 415 for a body
 * that is not JSON, problem types that resolve to a page the api serves, and every answered
 * status, 401 and 404 included, in http_request_duration_seconds.
 */
describe('HTTP conventions', () => {
  let stack: Stack;
  const call = async (method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<Raw> => {
    const response = await fetch(`${stack.api.url}${path}`, { method, headers: init.headers, body: init.body });
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON (an HTML page, an empty 204).
    }
    return { status: response.status, headers: response.headers, text, body };
  };
  const adminToken = async () => String((await call('POST', '/api/v1/auth/login', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).body.accessToken);

  beforeAll(async () => {
    stack = await Stack.start({ env: { MIN_POSITION_WAIT_MS: '300' } });
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  describe('401 carries WWW-Authenticate (RFC 9110 §11.6.1, RFC 6750 §3)', () => {
    it('without credentials: a bearer challenge with no error code, and the API-key scheme', async () => {
      const answer = await call('GET', '/api/v1/auth/me');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      // fetch joins repeated fields with ", ".
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="coalition", ApiKey realm="coalition", header="X-API-Key"');
    });

    it('with a refused bearer token: error="invalid_token" and a description', async () => {
      const answer = await call('GET', '/api/v1/compacts', { headers: { authorization: 'Bearer not.a.token' } });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="coalition", error="invalid_token", error_description="[^"\\]+", ApiKey /);
    });

    it('with a malformed Authorization header: error="invalid_request"', async () => {
      const answer = await call('GET', '/api/v1/compacts', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="coalition", error="invalid_request"/);
    });

    it('with an unknown API key: the API-key challenge names the error', async () => {
      const answer = await call('GET', '/api/v1/compacts', { headers: { 'x-api-key': 'ck_unknown_key_0000000000000000' } });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toContain('ApiKey realm="coalition", header="X-API-Key", error="invalid_key"');
    });

    it('for a refused login too', async () => {
      const answer = await call('POST', '/api/v1/auth/login', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'not the password' }) });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="coalition"/);
    });
  });

  describe('Retry-After on 429 and 503', () => {
    it('a login locked out after 10 failures answers 429 RATE_LIMITED with Retry-After in seconds', async () => {
      const attempt = () => call('POST', '/api/v1/auth/login', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'locked.out', password: 'wrong password 1' }) });
      for (let i = 0; i < 10; i++) expect((await attempt()).status).toBe(401);
      const refused = await attempt();
      expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', type: '/api/v1/problems/rate-limited' } });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });

  });

  describe('405 with Allow for a known path and a method it does not serve (RFC 9110 §15.5.6)', () => {
    it('answers 405 METHOD_NOT_ALLOWED listing the methods, for a fixed path and for a parameterised one', async () => {
      const collection = await call('DELETE', '/api/v1/compacts');
      expect(collection).toMatchObject({ status: 405, body: { code: 'METHOD_NOT_ALLOWED', status: 405 } });
      expect(collection.headers.get('allow')).toBe('GET, HEAD, POST');
      expect(collection.headers.get('content-type')).toContain('application/problem+json');

      const item = await call('PUT', '/api/v1/compacts/6f1c3f0e-8a55-4d3a-9d0e-5c1b8b0f2a11');
      expect(item.status).toBe(405);
      expect(item.headers.get('allow')).toBe('GET, HEAD');

      const health = await call('POST', '/health/live');
      expect(health.status).toBe(405);
      expect(health.headers.get('allow')).toBe('GET, HEAD');
    });

    it('answers OPTIONS with 204 and Allow', async () => {
      const answer = await call('OPTIONS', '/api/v1/webhooks');
      expect(answer.status).toBe(204);
      expect(answer.headers.get('allow')).toBe('GET, HEAD, POST');
    });

    it('still answers 404 for a path nothing serves', async () => {
      const answer = await call('GET', '/api/v1/no-such-thing');
      expect(answer).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(answer.headers.get('allow')).toBeNull();
    });
  });

  describe('415 for a body that is not JSON', () => {
    it.each([
      ['text/plain', '{"code":"TX","name":"Texas","population":30000000}'],
      ['application/x-www-form-urlencoded', 'code=TX&name=Texas&population=30000000'],
      ['application/xml', '<state code="TX"/>'],
    ])('refuses %s with 415 UNSUPPORTED_MEDIA_TYPE, writing nothing', async (type, body) => {
      const token = await adminToken();
      const answer = await call('POST', '/api/v1/states', { headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
      expect(answer).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, type: '/api/v1/problems/unsupported-media-type' } });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      const states = await call('GET', '/api/v1/states', { headers: { authorization: `Bearer ${token}` } });
      expect(states.text).not.toContain('"TX"');
    });

    it('accepts application/json with a charset, and a command with no body at all', async () => {
      const token = await adminToken();
      const created = await call('POST', '/api/v1/states', {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ code: 'NM', name: 'New Mexico', population: 2_114_371 }),
      });
      expect(created.status).toBe(201);
      const user = await call('POST', '/api/v1/users', {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'to.deactivate', password: 'a long enough password', displayName: 'x', roles: ['auditor'] }),
      });
      const deactivated = await call('POST', `/api/v1/users/${String(user.body.id)}/deactivate`, { headers: { authorization: `Bearer ${token}` } });
      expect(deactivated.status).toBe(200);
    });
  });

  describe('problem types resolve to pages the api serves', () => {
    it('points type at /api/v1/problems/<code>, which describes the code', async () => {
      const problem = await call('GET', '/api/v1/auth/me');
      expect(problem.body.type).toBe('/api/v1/problems/unauthenticated');
      const page = await call('GET', new URL(String(problem.body.type), stack.api.url).pathname);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<code>UNAUTHENTICATED</code>');
      expect(page.text).toContain('HTTP 401 Unauthorized');
    });

    it('has a page for every code the OpenAPI document lists, and lists the page route itself', async () => {
      const document = (await call('GET', '/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
      expect(document.paths['/api/v1/problems/{code}']?.get).toBeDefined();
      const codes = new Set<string>();
      JSON.stringify(document.paths, (key, value: unknown) => {
        if (key === 'code' && typeof value === 'object' && value && Array.isArray((value as { enum?: unknown }).enum)) {
          for (const code of (value as { enum: string[] }).enum) codes.add(code);
        }
        return value;
      });
      expect(codes.size).toBeGreaterThan(30);
      const missing: string[] = [];
      for (const code of codes) {
        const page = await call('GET', `/api/v1/problems/${code.toLowerCase().replace(/_/g, '-')}`);
        if (page.status !== 200 || !page.text.includes(`<code>${code}</code>`)) missing.push(`${code}: ${page.status}`);
      }
      expect(missing).toEqual([]);
    });

    it('answers an unknown code with a 404 problem', async () => {
      const answer = await call('GET', '/api/v1/problems/no-such-code');
      expect(answer).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    });
  });

  it('counts every answered status in http_request_duration_seconds, 401, 404, 405 and 415 included', async () => {
    for (let i = 0; i < 3; i++) await call('GET', '/api/v1/legal-actions');
    await call('GET', '/api/v1/nothing-here');
    const metrics = await (await fetch(`${stack.api.url}/metrics`, { headers: metricsAuth })).text();
    const count = (labels: RegExp) =>
      metrics
        .split('\n')
        .filter((line) => line.startsWith('http_request_duration_seconds_count{') && labels.test(line))
        .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
    expect(count(/method="GET",route="\/api\/v1\/legal-actions",status="401"/)).toBeGreaterThanOrEqual(3);
    expect(count(/route="unmatched",status="404"/)).toBeGreaterThanOrEqual(1);
    expect(count(/status="405"/)).toBeGreaterThanOrEqual(1);
    expect(count(/status="415"/)).toBeGreaterThanOrEqual(3);
    expect(count(/route="\/api\/v1\/states",status="201"/)).toBeGreaterThanOrEqual(1);
  });

  it('a read that waits in vain for minPosition answers 503 PROJECTION_LAGGING with Retry-After (the worker stopped)', async () => {
    await stack.worker.stop();
    const token = await adminToken();
    const written = await call('POST', '/api/v1/states', { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ code: 'AZ', name: 'Arizona', population: 7_431_344 }) });
    expect(written.status).toBe(201);
    const answer = await call('GET', `/api/v1/states?minPosition=${Number(written.body.position)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(answer).toMatchObject({ status: 503, body: { code: 'PROJECTION_LAGGING', type: '/api/v1/problems/projection-lagging' } });
    expect(answer.headers.get('retry-after')).toBe('1');
  });
});
