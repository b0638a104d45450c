import { ADMIN, Caller, PASSWORD, Stack } from './stack';
import { TestIdentityProvider } from './test-identity-provider';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const decodeJwt = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, number>;

// Password hashing is deliberately slow, and a shared machine slower still.
jest.setTimeout(30_000);

/**
 * The "Identity" and "Member states" parts of API.md over real HTTP, against the api and the
 * worker as separate processes on PostgreSQL and Kafka, with a state identity provider (a
 * JWKS served by this test) configured for OIDC bearer tokens.
 */
describe('identity, API keys and member states over HTTP', () => {
  let stack: Stack;
  let idp: TestIdentityProvider;
  let waCoordinator: Caller & { id: string };
  let orCoordinator: Caller & { id: string };

  beforeAll(async () => {
    idp = await TestIdentityProvider.start();
    stack = await Stack.start({ env: idp.env });
    await stack.registerState('WA', 7_812_880, 'Washington');
    await stack.registerState('OR', 4_240_137, 'Oregon');
    waCoordinator = await stack.coordinator('WA');
    orCoordinator = await stack.coordinator('OR');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await idp?.stop();
  }, 30_000);

  describe('login', () => {
    it('issues a short-lived bearer token', async () => {
      const answer = await stack.anonymous.post('/auth/login', ADMIN);
      expect(answer).toMatchObject({ status: 200, body: { tokenType: 'Bearer', expiresIn: 900 } });
      const claims = decodeJwt(String(answer.body.accessToken));
      expect(claims.exp - claims.iat).toBe(900);
      expect((await stack.bearer(String(answer.body.accessToken)).get('/auth/me')).body).toEqual({
        id: expect.any(String), kind: 'user', username: ADMIN.username, roles: ['admin'], stateCode: null,
      });
    });

    it('answers an unknown user and a wrong password exactly alike', async () => {
      const unknown = await stack.anonymous.post('/auth/login', { username: 'nobody.here', password: PASSWORD });
      const wrong = await stack.anonymous.post('/auth/login', { username: ADMIN.username, password: 'not the password' });
      expect(unknown).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(unknown.type).toContain('application/problem+json');
      expect(wrong).toEqual(unknown);
    });

    it('takes about as long for an unknown user as for a wrong password', async () => {
      // An unknown username runs no scrypt but waits out the recent hash time on a timer.
      const median = async (username: string) => {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const started = performance.now();
          expect((await stack.anonymous.post('/auth/login', { username, password: `timing guess ${i}` })).status).toBe(401);
          times.push(performance.now() - started);
        }
        return times.sort((a, b) => a - b)[1];
      };
      const wrong = await median(ADMIN.username);
      const unknown = await median('nobody.timed');
      expect(unknown).toBeGreaterThan(wrong * 0.4);
      expect(unknown).toBeLessThan(wrong * 2.5);
    });

    it('rejects a malformed login with VALIDATION_FAILED', async () => {
      expect(await stack.anonymous.post('/auth/login', { username: 'x' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(await stack.anonymous.post('/auth/login', { username: 'x', password: 'y', remember: true })).toMatchObject({ status: 400 });
    });

    it('refuses a username with 429 after 10 failures, the right password included, and no other username', async () => {
      await stack.user('throttled.user', ['auditor']);
      for (let i = 0; i < 10; i++) {
        expect((await stack.anonymous.post('/auth/login', { username: 'throttled.user', password: `wrong guess ${i}` })).status).toBe(401);
      }
      const refused = await stack.anonymous.request('POST', '/auth/login', { username: 'Throttled.User', password: PASSWORD });
      expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', status: 429 } });
      expect(refused.type).toContain('application/problem+json');
      expect((await stack.anonymous.post('/auth/login', ADMIN)).status).toBe(200);
      // An unknown username is throttled the same way, so the answers reveal nothing.
      for (let i = 0; i < 10; i++) await stack.anonymous.post('/auth/login', { username: 'ghost.user', password: `guess ${i}` });
      expect((await stack.anonymous.post('/auth/login', { username: 'ghost.user', password: PASSWORD })).status).toBe(429);
    }, 90_000); // 23 logins one after another: about 1.1 s each at load average 17 on 2 cores
  });

  describe('users', () => {
    let registeredAt = 0;
    const body = (overrides: Record<string, unknown> = {}) => ({ username: 'wa.counsel', password: PASSWORD, displayName: 'WA counsel', roles: ['counsel'], stateCode: 'WA', ...overrides });

    it('lets an admin register users, with 12+ character passwords and a registered state for coordinators and counsel', async () => {
      const short = await stack.admin.post('/users', body({ password: 'elevenchars' }));
      expect(short).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'password' })] } });
      expect(JSON.stringify(short.body)).not.toContain('elevenchars');
      expect(await stack.admin.post('/users', body({ stateCode: undefined }))).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(await stack.admin.post('/users', body({ stateCode: 'ZZ' }))).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(await stack.admin.post('/users', body({ roles: ['coordinator'], stateCode: 'ZZ' }))).toMatchObject({ status: 400 });
      expect(await stack.admin.post('/users', body({ roles: ['sheriff'] }))).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      const created = await stack.admin.post('/users', body());
      expect(created).toMatchObject({ status: 201, body: { id: expect.any(String), version: 1 } });
      registeredAt = Number(created.body.position);
    });

    it('refuses a taken username, whatever its case, with DUPLICATE', async () => {
      expect(await stack.admin.post('/users', body({ username: 'WA.Counsel' }))).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
    });

    it('lets only an admin manage users', async () => {
      expect(await waCoordinator.post('/users', body({ username: 'wa.other' }))).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect(await waCoordinator.get('/users')).toMatchObject({ status: 403 });
    });

    it('lists users without any password hash', async () => {
      const listed = await stack.admin.get<Record<string, unknown>[]>(`/users?minPosition=${registeredAt}`);
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual(expect.arrayContaining([
        { id: expect.any(String), username: 'wa.counsel', displayName: 'WA counsel', roles: ['counsel'], stateCode: 'WA', active: true, streamId: expect.stringMatching(/^user-/) },
      ]));
      expect(JSON.stringify(listed.body)).not.toMatch(/scrypt|password/i);
    });

    it('stops a deactivated user on the very next request, and at login', async () => {
      const leaver = await stack.user('leaver', ['auditor']);
      expect((await leaver.get('/auth/me')).status).toBe(200);
      expect(await stack.admin.post(`/users/${leaver.id}/deactivate`)).toMatchObject({ status: 200, body: { id: leaver.id, version: 2 } });
      expect(await leaver.get('/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect((await stack.anonymous.post('/auth/login', { username: 'leaver', password: PASSWORD })).status).toBe(401);
      expect(await stack.admin.post('/users/00000000-0000-4000-8000-000000000000/deactivate')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(await stack.admin.post('/users/not-a-uuid/deactivate')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    });
  });

  describe('member states', () => {
    it('registers, changes and lists states; only an admin writes', async () => {
      const created = await stack.admin.post('/states', { code: 'ID', name: 'Idaho', population: 1_964_726 });
      expect(created).toMatchObject({ status: 201, body: { id: 'ID', version: 1 } });
      expect(await stack.admin.post('/states', { code: 'ID', name: 'Idaho', population: 1 })).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
      const changed = await stack.admin.patch('/states/ID', { population: 2_001_619 });
      expect(changed).toMatchObject({ status: 200, body: { id: 'ID', version: 2 } });
      expect(await stack.admin.patch('/states/NV', { population: 1 })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(await stack.admin.patch('/states/idaho', { population: 1 })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(await stack.admin.post('/states', { code: 'Nv', name: 'Nevada', population: -1 })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(await waCoordinator.post('/states', { code: 'NV', name: 'Nevada', population: 1 })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      const listed = await waCoordinator.get(`/states?minPosition=${changed.body.position}`);
      expect(listed.body).toEqual([
        { code: 'ID', name: 'Idaho', population: 2_001_619, streamId: 'member-state-ID' },
        { code: 'OR', name: 'Oregon', population: 4_240_137, streamId: 'member-state-OR' },
        { code: 'WA', name: 'Washington', population: 7_812_880, streamId: 'member-state-WA' },
      ]);
    });
  });

  describe('API keys', () => {
    it('shows a key once, to an admin or a coordinator of its own state, and lists keys without it', async () => {
      const issued = await waCoordinator.post('/api-keys', { name: 'WA EOC', stateCode: 'WA', scopes: ['read', 'resources:write'] });
      expect(issued).toMatchObject({ status: 201, body: { id: expect.any(String), key: expect.stringMatching(/^coa_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/) } });
      const key = String(issued.body.key);
      expect(await orCoordinator.post('/api-keys', { name: 'not mine', stateCode: 'WA', scopes: ['read'] })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      const orKey = await stack.issueApiKey('OR', ['legal:read']);

      const mine = await waCoordinator.get<Record<string, unknown>[]>(`/api-keys?minPosition=${orKey.position}`);
      expect(mine.body).toEqual([
        { id: issued.body.id, name: 'WA EOC', stateCode: 'WA', scopes: ['read', 'resources:write'], createdAt: expect.any(String), expiresAt: null, revokedAt: null, issuedBy: waCoordinator.id, streamId: `api-key-${issued.body.id}` },
      ]);
      const all = await stack.admin.get<Record<string, unknown>[]>('/api-keys');
      expect(all.body.map((k) => k.id).sort()).toEqual([issued.body.id, orKey.id].sort());
      for (const listing of [mine, all]) {
        expect(JSON.stringify(listing.body)).not.toContain(key.slice(4));
        expect(JSON.stringify(listing.body)).not.toMatch(/hash|"key"/i);
      }
    });

    it('validates what a key is bound to', async () => {
      const bad = (body: Record<string, unknown>) => stack.admin.post('/api-keys', { name: 'k', stateCode: 'WA', scopes: ['read'], ...body });
      expect(await bad({ stateCode: 'ZZ' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(await bad({ scopes: [] })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(await bad({ scopes: ['write'] })).toMatchObject({ status: 400 });
      expect(await bad({ expiresAt: '2020-01-01T00:00:00Z' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
      expect(await bad({ expiresAt: 'tomorrow' })).toMatchObject({ status: 400 });
      expect(await bad({ owner: 'me' })).toMatchObject({ status: 400 });
    });

    it('acts for its state with exactly the rights its scopes give', async () => {
      const { id, caller } = await stack.issueApiKey('WA', ['read']);
      expect((await caller.get('/auth/me')).body).toEqual({ id, kind: 'api-key', roles: [], stateCode: 'WA', scopes: ['read'] });
      expect((await caller.get('/states')).status).toBe(200);
      for (const refused of [caller.post('/states', { code: 'NV', name: 'Nevada', population: 1 }), caller.get('/users'), caller.get('/api-keys'),
        caller.post('/api-keys', { name: 'child', stateCode: 'WA', scopes: ['read'] })]) {
        expect(await refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      }
    });

    it('stops a revoked key on the very next request', async () => {
      const { id, caller } = await stack.issueApiKey('WA', ['read']);
      expect((await caller.get('/auth/me')).status).toBe(200);
      expect(await orCoordinator.delete(`/api-keys/${id}`)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      const revoked = await waCoordinator.delete(`/api-keys/${id}`);
      expect(revoked).toMatchObject({ status: 200, body: { id, version: 2 } });
      expect(await caller.get('/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      expect(await waCoordinator.delete(`/api-keys/${id}`)).toMatchObject({ status: 200, body: { version: 2 } });
      const listed = await stack.admin.get<Record<string, unknown>[]>(`/api-keys?minPosition=${revoked.body.position}`);
      expect(listed.body.find((k) => k.id === id)).toMatchObject({ revokedAt: expect.any(String) });
      expect(await stack.admin.delete('/api-keys/00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
      expect(await stack.admin.delete('/api-keys/not-a-key')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    });

    it('stops a key at its expiry', async () => {
      const expiresAt = new Date(Date.now() + 2_500).toISOString();
      const { caller } = await stack.issueApiKey('WA', ['read'], { expiresAt });
      expect((await caller.get('/auth/me')).status).toBe(200);
      await sleep(new Date(expiresAt).getTime() - Date.now() + 200);
      expect(await caller.get('/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    });

    it('refuses a made-up or altered key', async () => {
      const { key } = await stack.issueApiKey('WA', ['read']);
      const altered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
      for (const presented of [altered, 'coa_not-a-key', key.toUpperCase()]) {
        expect(await stack.apiKey(presented).get('/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
      }
    });
  });

  describe("tokens of the state's own identity provider (OIDC)", () => {
    const coordinatorClaims = { sub: 'wa-staff-17', preferred_username: 'jane@wa.gov', realm_access: { roles: ['coordinator', 'offline_access'] }, state_code: 'WA' };

    it('accepts RS256 and ES256 tokens verified against the JWKS, mapping roles and state', async () => {
      for (const key of ['rsa', 'ec'] as const) {
        const me = await stack.bearer(idp.sign(coordinatorClaims, { key })).get('/auth/me');
        expect(me).toMatchObject({ status: 200, body: { id: 'oidc:wa-staff-17', kind: 'user', username: 'jane@wa.gov', roles: ['coordinator'], stateCode: 'WA' } });
      }
    });

    it('lets such a coordinator act for its own state only', async () => {
      const jane = stack.bearer(idp.sign(coordinatorClaims));
      expect(await jane.post('/api-keys', { name: 'from OIDC', stateCode: 'WA', scopes: ['read'] })).toMatchObject({ status: 201 });
      expect(await jane.post('/api-keys', { name: 'from OIDC', stateCode: 'OR', scopes: ['read'] })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect(await jane.post('/states', { code: 'NV', name: 'Nevada', population: 1 })).toMatchObject({ status: 403 });
    });

    it('refuses a wrong key, a wrong audience or issuer, an expired token, no Coalition role, or an unregistered state', async () => {
      const refused = [
        idp.sign(coordinatorClaims, { key: 'stranger' }),
        idp.sign(coordinatorClaims, { audience: 'another-app' }),
        idp.sign(coordinatorClaims, { issuer: `${idp.baseUrl}/realms/ca` }),
        idp.sign(coordinatorClaims, { expiresIn: -60 }),
        idp.sign({ ...coordinatorClaims, realm_access: { roles: ['offline_access'] } }),
        idp.sign({ ...coordinatorClaims, state_code: 'ZZ' }),
        idp.sign({ ...coordinatorClaims, state_code: undefined }),
        idp.sign(coordinatorClaims, { typ: 'JWT' }),
        idp.sign(coordinatorClaims, { typ: 'id_token+jwt' }),
      ];
      const challenge = async (headers: Record<string, string>) => (await fetch(`${stack.api.url}/api/v1/auth/me`, { headers })).headers.get('www-authenticate');
      for (const token of refused) {
        expect(await stack.bearer(token).get('/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
        expect(await challenge({ authorization: `Bearer ${token}` })).toMatch(/^Bearer realm="coalition", error="invalid_token", error_description="[^"]+"/);
      }
      expect(await challenge({})).toBe('Bearer realm="coalition", ApiKey realm="coalition", header="X-API-Key"');
    });

    it("takes RFC 9068's media type spelled out, application/at+jwt, as the access token type", async () =>
      expect(await stack.bearer(idp.sign(coordinatorClaims, { typ: 'application/at+jwt' })).get('/auth/me')).toMatchObject({ status: 200 }));
  });

  it('logs every denial with the principal and the route', async () => {
    await waCoordinator.post('/api-keys', { name: 'denied', stateCode: 'OR', scopes: ['read'] });
    await sleep(200);
    const denials = stack.api.output().split('\n').filter((line) => line.includes('"access denied"')).map((line) => JSON.parse(line));
    expect(denials).toEqual(expect.arrayContaining([
      expect.objectContaining({
        principal: { id: waCoordinator.id, kind: 'user', stateCode: 'WA', roles: ['coordinator'] },
        route: 'POST /api/v1/api-keys',
        code: 'FORBIDDEN',
      }),
    ]));
    expect(stack.api.output()).not.toContain(PASSWORD);
  });
});
