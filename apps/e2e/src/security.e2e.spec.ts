import { Caller, Stack } from './stack';

// Password hashing is deliberately slow, and a shared machine slower still.
jest.setTimeout(30_000);

/**
 * Regressions of the adversarial review (issue 12) over real HTTP, against the api and the
 * worker as separate processes on PostgreSQL and Kafka.
 */
describe('security hardening over HTTP', () => {
  let stack: Stack;
  let caCoordinator: Caller & { id: string };

  beforeAll(async () => {
    stack = await Stack.start();
    await stack.registerState('CA', 39_000_000, 'California');
    await stack.registerState('NV', 3_100_000, 'Nevada');
    caCoordinator = await stack.coordinator('CA');
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  describe('hostile JSON bodies', () => {
    const raw = (path: string, text: string) =>
      fetch(`${stack.api.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

    it('refuses a deeply nested body with 400 VALIDATION_FAILED before authentication, on every body route', async () => {
      for (const path of ['/auth/login', '/states', '/compacts', '/api-keys']) {
        const answer = await raw(path, deep(2_400));
        expect({ path, status: answer.status, type: answer.headers.get('content-type') }).toEqual({ path, status: 400, type: expect.stringContaining('application/problem+json') });
        expect(await answer.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      const justDeepEnough = await raw('/auth/login', deep(33));
      expect(justDeepEnough.status).toBe(400);
      expect((await fetch(`${stack.api.url}/health/live`)).status).toBe(200);
    });

    it('refuses __proto__ and constructor keys as unknown properties', async () => {
      for (const text of [
        '{"username":"a","password":"b","__proto__":{"roles":["admin"]}}',
        '{"username":"a","password":"b","constructor":{"prototype":{}}}',
        '{"username":"a","password":"b","\\u005f_proto__":{}}',
      ]) {
        const answer = await raw('/auth/login', text);
        expect({ text, status: answer.status }).toEqual({ text, status: 400 });
        expect(await answer.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
    });

    it('refuses a JSON body in a charset other than UTF-8', async () => {
      const answer = await fetch(`${stack.api.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json; charset=utf-16le' }, body: Buffer.from('{"username":"a","password":"b"}', 'utf16le'),
      });
      expect(answer.status).toBe(415);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('key issuance grants only rights the issuer holds', () => {
    it('refuses a coordinator a legal:read key, alone or with other scopes, and the key gives no legal access', async () => {
      for (const scopes of [['legal:read'], ['read', 'legal:read']]) {
        expect(await caCoordinator.post('/api-keys', { name: 'x', stateCode: 'CA', scopes })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      }
      const { caller } = await stack.issueApiKey('CA', ['read', 'resources:write'], { by: caCoordinator });
      expect(await caller.get('/legal-actions')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect((await stack.issueApiKey('CA', ['legal:read'])).id).toEqual(expect.any(String));
    });

    it("lists who issued every key, and revokes a user's keys when the user is deactivated", async () => {
      const leaver = await stack.coordinator('CA', 'ca.leaver');
      const key = await stack.issueApiKey('CA', ['read'], { by: leaver });
      const byAdmin = await stack.issueApiKey('CA', ['read']);
      expect((await key.caller.get('/auth/me')).status).toBe(200);
      const me = await stack.admin.get('/auth/me');
      const listed = await stack.admin.get<Record<string, unknown>[]>(`/api-keys?minPosition=${byAdmin.position}`);
      expect(listed.body.find((k) => k.id === key.id)).toMatchObject({ issuedBy: leaver.id, revokedAt: null });
      expect(listed.body.find((k) => k.id === byAdmin.id)).toMatchObject({ issuedBy: me.body.id });

      const deactivated = await stack.admin.post(`/users/${leaver.id}/deactivate`, {});
      expect(deactivated.status).toBe(200);
      expect(await key.caller.get('/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect((await byAdmin.caller.get('/auth/me')).status).toBe(200);
      const history = await stack.admin.get<{ events: Record<string, unknown>[] }>(`/audit/streams/api-key-${key.id}`);
      expect(history.body.events.map((e) => e.type)).toEqual(['ApiKeyIssued', 'ApiKeyRevoked']);
    });
  });
});
