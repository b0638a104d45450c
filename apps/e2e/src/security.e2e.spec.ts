import { createHmac, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { webhookDecider, webhookStreamId } from '@coalition/domain';
import { CommandExecutor, EventStore, openDatabase } from '@coalition/event-store';
import { Caller, METRICS_TOKEN, PASSWORD, Stack } from './stack';

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
    // A low per-address limit, so the test reaches it; the last test spends it.
    stack = await Stack.start({ env: { LOGIN_ADDRESS_FAILURE_LIMIT: '60', LOGIN_HASH_QUEUE: '4' } });
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

  describe('smaller ones', () => {
    it('validates audit export filters before streaming: a NUL is a 400 problem, not a cut 200', async () => {
      const auditor = await stack.auditor();
      for (const filter of ['type=%00', 'streamId=%00', 'actorId=a%00b', 'type=%1F']) {
        const answer = await auditor.get(`/audit/export?${filter}`);
        expect({ filter, status: answer.status, code: answer.body.code }).toEqual({ filter, status: 400, code: 'VALIDATION_FAILED' });
        expect(answer.type).toContain('application/problem+json');
        expect((await auditor.get(`/audit/events?${filter}`)).status).toBe(400);
      }
      const token = await stack.login('auditor');
      const exported = await fetch(`${stack.api.url}/api/v1/audit/export?type=StateRegistered`, { headers: { authorization: `Bearer ${token}` } });
      expect(exported.status).toBe(200);
      expect((await exported.text()).trim().split('\n')).toHaveLength(2);
    });

    it('never deactivates the last active admin', async () => {
      const me = await stack.admin.get('/auth/me');
      const second = await stack.user('second.admin', ['admin']);
      expect((await stack.admin.post(`/users/${second.id}/deactivate`, {})).status).toBe(200);
      const last = await stack.admin.post(`/users/${String(me.body.id)}/deactivate`, {});
      expect(last).toMatchObject({ status: 409, body: { code: 'LAST_ACTIVE_ADMIN' } });
      expect(last.type).toContain('application/problem+json');
      expect((await stack.admin.get('/users')).status).toBe(200);
    });

    it('answers a replayed POST /api-keys with the first id and no key, and issues nothing new', async () => {
      const body = { name: 'replayed', stateCode: 'CA', scopes: ['read'] };
      const headers = { 'idempotency-key': 'issue-once-1' };
      const first = await stack.admin.post('/api-keys', body, headers);
      expect(first).toMatchObject({ status: 201, body: { id: expect.any(String), key: expect.stringMatching(/^coa_/) } });
      const replay = await stack.admin.post('/api-keys', body, headers);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual({ id: first.body.id, version: first.body.version, position: first.body.position });
      expect(await stack.admin.post('/api-keys', { ...body, name: 'other' }, headers)).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
      const listed = await stack.admin.get<Record<string, unknown>[]>(`/api-keys?minPosition=${String(first.body.position)}`);
      expect(listed.body.filter((k) => k.name === 'replayed')).toHaveLength(1);
      expect((await stack.apiKey(String(first.body.key)).get('/auth/me')).status).toBe(200);
    });

    it('keeps /metrics from anonymous callers in the production shape: it needs the metrics token', async () => {
      const scrape = (headers: Record<string, string> = {}) => fetch(`${stack.api.url}/metrics`, { headers });
      expect((await scrape()).status).toBe(401);
      expect((await scrape({ authorization: 'Bearer not-the-metrics-token' })).status).toBe(401);
      const token = await stack.login('ca.coordinator', PASSWORD);
      expect((await scrape({ authorization: `Bearer ${token}` })).status).toBe(401);
      const scraped = await scrape({ authorization: `Bearer ${METRICS_TOKEN}` });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('coalition_commands_total');
    });

    it('answers 404 for every malformed id in a path, as for an unknown one', async () => {
      const counsel = await stack.counsel('CA');
      const paths: [Caller, string, string][] = [
        [stack.admin, 'POST', '/users/not-a-uuid/deactivate'], [stack.admin, 'DELETE', '/api-keys/not-a-key'],
        [counsel, 'GET', '/legal-actions/not-a-uuid'], [counsel, 'POST', '/legal-actions/1/filings'],
        [stack.admin, 'GET', '/webhooks/zzz'], [stack.admin, 'DELETE', '/webhooks/zzz'], [stack.admin, 'GET', '/webhooks/zzz/deliveries'],
        [stack.admin, 'PATCH', '/states/idaho'], [stack.admin, 'GET', '/compacts/nope'], [stack.admin, 'GET', '/offers/nope'],
        [stack.admin, 'GET', '/audit/decisions/nope'],
      ];
      for (const [caller, method, path] of paths) {
        const answer = await caller.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
        expect({ method, path, status: answer.status, code: answer.body?.code }).toEqual({ method, path, status: 404, code: 'NOT_FOUND' });
      }
    });

    it('sends the usual security headers and no X-Powered-By, with a policy that lets Swagger UI load its own scripts', async () => {
      for (const path of ['/api/v1/states', '/health/live', '/docs']) {
        const answer = await fetch(`${stack.api.url}${path}`, { headers: { authorization: 'Bearer x' } });
        expect(answer.headers.get('x-powered-by')).toBeNull();
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(answer.headers.get('strict-transport-security')).toContain('max-age=');
        expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
      }
      const docs = await fetch(`${stack.api.url}/docs`);
      const html = await docs.text();
      expect(docs.status).toBe(200);
      // Every script is a same-origin file (CSP script-src 'self'), none inline.
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body.trim()).toBe('');
        const src = /src=["']([^"']+)["']/.exec(attributes)?.[1] ?? '';
        expect(src).toMatch(/^(\.\/|\/docs\/|[a-z-]+\.js$)/);
        // Resolved as the browser does, against the page's own URL.
        const loaded = await fetch(new URL(src, `${stack.api.url}/docs`));
        expect({ src, status: loaded.status }).toEqual({ src, status: 200 });
      }
    });
  });

  describe('webhook registrations in the feed', () => {
    it("shows a webhook's URL and owner in /events to its owner and admins only, not to its state's other coordinators or keys", async () => {
      const otherCoordinator = await stack.coordinator('CA', 'ca.other.coordinator');
      const readKey = await stack.issueApiKey('CA', ['read']);
      // Written with the real decider straight into the store: registering through the api would
      // resolve the host, and this deployment (rightly) refuses every address a test may use.
      const webhookId = randomUUID();
      const url = 'http://127.0.0.1:9/never-delivered';
      const db = await openDatabase({ url: stack.databaseUrl, poolSize: 1 });
      let position: number;
      try {
        const outcome = await new CommandExecutor(new EventStore(db)).execute(webhookDecider, {
          streamId: webhookStreamId(webhookId),
          command: { type: 'RegisterWebhook', data: { webhookId, url, eventTypes: ['*'], secret: 'sixteen-chars-secret' } },
          actor: { id: caCoordinator.id, kind: 'user', stateCode: 'CA', roles: ['coordinator'] },
        });
        position = outcome.position;
      } finally {
        await db.close();
      }
      const sees = async (caller: Caller) => {
        const page = await caller.get<{ events: { subject: string; data: Record<string, unknown> }[] }>(`/events?after=${position - 1}&limit=10`);
        expect(page.status).toBe(200);
        return page.body.events.some((e) => e.subject === webhookStreamId(webhookId));
      };
      expect(await sees(caCoordinator)).toBe(true);
      expect(await sees(stack.admin)).toBe(true);
      expect(await sees(otherCoordinator)).toBe(false);
      expect(await sees(readKey.caller)).toBe(false);
      const page = await otherCoordinator.get(`/events?after=0&limit=1000`);
      expect(JSON.stringify(page.body)).not.toContain(url);
    });
  });

  describe('webhook addresses (SSRF)', () => {
    let receiver: Server;
    let port: number;
    let received = 0;

    beforeAll(async () => {
      receiver = createServer((request, response) => {
        received += 1;
        response.end();
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      port = (receiver.address() as AddressInfo).port;
    });

    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    it('refuses every IPv6 form of a loopback or private address, before any connection, in the production shape', async () => {
      const hosts = [
        '127.0.0.1', '[::1]', '[::127.0.0.1]', '[::ffff:127.0.0.1]', '[::ffff:0:7f00:1]', '[2002:7f00:1::1]', '[64:ff9b::7f00:1]',
        '[64:ff9b:1::1]', '[fec0::1]', '[2001::1]', '[fe80::1]', '[fc00::1]', '2130706433', '0x7f.0.0.1', '[::]', '0.0.0.0',
      ];
      for (const host of hosts) {
        const answer = await caCoordinator.post('/webhooks', { url: `http://${host}:${port}/hook`, eventTypes: ['*'], secret: 'sixteen-chars-secret' });
        expect({ host, status: answer.status, code: answer.body.code }).toEqual({ host, status: 400, code: 'WEBHOOK_ADDRESS_NOT_ALLOWED' });
      }
      expect(received).toBe(0);
    });
  });

  describe('access tokens are bound to this deployment', () => {
    const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    /** An HS256 token signed with this deployment's own JWT_SECRET, as another deployment sharing it would sign. */
    const forge = (claims: Record<string, unknown>) => {
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
      return `${unsigned}.${createHmac('sha256', stack.env.JWT_SECRET).update(unsigned).digest('base64url')}`;
    };

    it('issues tokens with iss, aud and exp naming this deployment, and refuses tokens of another, or without exp', async () => {
      const token = await stack.login('ca.coordinator', PASSWORD);
      const claims = claimsOf(token);
      expect(claims).toMatchObject({ iss: expect.stringMatching(/^urn:coalition:deployment:/), exp: expect.any(Number), sub: caCoordinator.id });
      expect(claims.aud).toBe(claims.iss);
      const now = Math.floor(Date.now() / 1000);
      const base = { sub: caCoordinator.id, kind: 'user', roles: ['coordinator'], stateCode: 'CA', iat: now };
      expect((await stack.bearer(forge({ ...base, iss: claims.iss, aud: claims.aud, exp: now + 600 })).get('/auth/me')).status).toBe(200);
      const refused = [
        forge({ ...base, exp: now + 600 }), // no iss/aud: what the previous version issued
        forge({ ...base, iss: 'urn:coalition:deployment:another', aud: 'urn:coalition:deployment:another', exp: now + 600 }),
        forge({ ...base, iss: claims.iss, aud: 'urn:coalition:deployment:another', exp: now + 600 }),
        forge({ ...base, iss: claims.iss, aud: claims.aud }), // no exp
        forge({ ...base, iss: claims.iss, aud: claims.aud, exp: now - 5 }),
      ];
      for (const forged of refused) {
        expect({ claims: claimsOf(forged), answer: (await stack.bearer(forged).get('/auth/me')).status }).toEqual({ claims: claimsOf(forged), answer: 401 });
      }
    });
  });

  describe('login as a CPU lever', () => {
    const burst = (usernames: string[]) => Promise.all(usernames.map((username) =>
      fetch(`${stack.api.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'wrong password 1' }),
      })));

    it('spends no password check on a burst of unknown usernames: each answers 401, and a real user gets in meanwhile', async () => {
      const answers = burst(Array.from({ length: 16 }, (_, i) => `bogus.${i}`));
      const live = fetch(`${stack.api.url}/health/live`);
      expect(await stack.login('ca.coordinator', PASSWORD)).toEqual(expect.any(String));
      expect((await answers).map((a) => a.status)).toEqual(Array.from({ length: 16 }, () => 401));
      expect((await live).status).toBe(200);
    });

    it('bounds the password checks a burst on an existing username starts: the excess answers 429 with Retry-After at once', async () => {
      await stack.user('burst.target', ['auditor']);
      const answers = await burst(Array.from({ length: 10 }, () => 'burst.target'));
      expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
      const limited = answers.filter((a) => a.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      for (const answer of limited) {
        expect(answer.headers.get('retry-after')).toBe('1');
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(await answer.json()).toMatchObject({ code: 'RATE_LIMITED' });
      }
      expect(await stack.login('ca.coordinator', PASSWORD)).toEqual(expect.any(String));
    });
  });

  // Last: it may deactivate the root admin the other tests call as.
  describe('deactivation races', () => {
    it('lets two admins deactivating each other at once leave one of them active', async () => {
      const a = await stack.user('race.admin.a', ['admin']);
      const b = await stack.user('race.admin.b', ['admin']);
      const me = await stack.admin.get('/auth/me');
      // Three active admins (root, a, b): a takes root and b at once, b takes root and a.
      const answers = await Promise.all([
        a.post(`/users/${String(me.body.id)}/deactivate`, {}), a.post(`/users/${b.id}/deactivate`, {}),
        b.post(`/users/${String(me.body.id)}/deactivate`, {}), b.post(`/users/${a.id}/deactivate`, {}),
      ]);
      expect(answers.every((answer) => [200, 401, 409].includes(answer.status))).toBe(true);
      const stillAdmin = [];
      for (const caller of [stack.admin, a, b]) if ((await caller.get('/users')).status === 200) stillAdmin.push(caller);
      expect(stillAdmin.length).toBeGreaterThanOrEqual(1);
    });
  });

  // Last of all: it spends this address's failed logins, after which no login from it succeeds.
  describe('failed logins per client address', () => {
    it('refuses logins from an address after its failures, any username, the right password included', async () => {
      let refusedAfter = 0;
      // In small batches the hashing gate takes in whole (2 running, 4 waiting), so every attempt is checked.
      for (let batch = 0; batch < 20 && refusedAfter === 0; batch++) {
        const answers = await Promise.all(Array.from({ length: 4 }, (_, i) =>
          stack.anonymous.post('/auth/login', { username: `spray.${batch}.${i}`, password: 'wrong password 1' })));
        for (const answer of answers) expect([401, 429]).toContain(answer.status);
        if (answers.some((answer) => answer.status === 429 && /address/.test(String(answer.body.detail)))) refusedAfter = (batch + 1) * 4;
      }
      expect(refusedAfter).toBeGreaterThan(0);
      const right = await stack.anonymous.post('/auth/login', { username: 'ca.coordinator', password: PASSWORD });
      expect(right).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    }, 120_000);
  });
});
