import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { OpenIdProviders } from './oidc/openid-providers';
import { freePort, Stack } from './stack';

jest.setTimeout(60_000);

const coordinator = (stateCode: string) => ({ roles: ['coordinator'], state_code: stateCode });

/**
 * Each state's own identity provider vouches for that state only, over real HTTP: real OpenID
 * providers (`oidc-provider`) for Washington and Oregon, one for the platform roles, and one for
 * California that this deployment does not trust; their tokens come from their own token
 * endpoints (client_credentials and the authorization code flow), never signed by the test.
 */
describe('OIDC providers bound to the states they vouch for', () => {
  let providers: OpenIdProviders;
  let stack: Stack;

  const challenge = async (token: string) =>
    (await fetch(`${stack.api.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).headers.get('www-authenticate');
  const expectRefused = async (token: string) => {
    expect(await stack.bearer(token).get('/auth/me')).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(await challenge(token)).toMatch(/^Bearer realm="coalition", error="invalid_token", error_description="[^"]+"/);
  };

  beforeAll(async () => {
    providers = await OpenIdProviders.start([
      {
        name: 'wa',
        clients: [
          { clientId: 'wa-coordinator', claims: coordinator('WA') },
          { clientId: 'records-system', claims: coordinator('WA') },
          { clientId: 'wa-claims-or', claims: coordinator('OR') },
          { clientId: 'wa-claims-admin', claims: { roles: ['admin'] } },
          { clientId: 'wa-claims-auditor', claims: { roles: ['auditor'] } },
          { clientId: 'wa-coordinator-and-admin', claims: { roles: ['coordinator', 'admin'], state_code: 'WA' } },
        ],
        accounts: { jane: { ...coordinator('WA'), preferred_username: 'jane@wa.gov' } },
      },
      { name: 'or', clients: [{ clientId: 'or-coordinator', claims: coordinator('OR') }, { clientId: 'records-system', claims: coordinator('OR') }] },
      { name: 'compact', clients: [{ clientId: 'compact-admin', claims: { roles: ['admin'] } }, { clientId: 'compact-claims-wa', claims: coordinator('WA') }] },
      { name: 'ca', clients: [{ clientId: 'ca-coordinator', claims: coordinator('CA') }] },
      { name: 'nv', clients: [{ clientId: 'nv-coordinator', claims: coordinator('NV') }] },
    ]);
    const trusted = JSON.parse(await providers.coalitionConfig({ wa: ['WA'], or: ['OR'], compact: ['platform'] })) as unknown[];
    // Nevada's keys are published where nothing listens (a closed loopback port): its provider is down for Coalition.
    const nvDown = { name: 'nv', issuer: providers.issuers.nv, jwksUri: `http://127.0.0.1:${freePort()}/jwks`, audience: 'coalition', vouchesFor: ['NV'] };
    const OIDC_PROVIDERS = JSON.stringify([...trusted, nvDown]);
    stack = await Stack.start({ env: { OIDC_PROVIDERS } });
    for (const code of ['WA', 'OR', 'CA', 'NV']) await stack.registerState(code);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await providers?.stop();
  }, 30_000);

  it("lets a Washington provider's token act for Washington", async () => {
    const wa = stack.bearer(await providers.clientToken('wa', 'wa-coordinator'));
    expect(await wa.get('/auth/me')).toMatchObject({ status: 200, body: { id: 'oidc:wa:wa-coordinator', kind: 'user', roles: ['coordinator'], stateCode: 'WA' } });
    expect(await wa.post('/api-keys', { name: 'WA records', stateCode: 'WA', scopes: ['read'] })).toMatchObject({ status: 201 });
    // Vouched for Washington, it still acts for Washington only.
    expect(await wa.post('/api-keys', { name: 'OR records', stateCode: 'OR', scopes: ['read'] })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it("takes a person's access token from the code flow, and never the ID token issued with it", async () => {
    const { accessToken, idToken } = await providers.signIn('wa', 'jane');
    expect(await stack.bearer(accessToken).get('/auth/me')).toMatchObject({ status: 200, body: { id: 'oidc:wa:jane', username: 'jane@wa.gov', stateCode: 'WA' } });
    // Same issuer, same keys, same audience (the console's client id is Coalition's), same claims: only its type differs.
    const header = JSON.parse(Buffer.from(idToken.split('.')[0], 'base64url').toString()) as { typ?: string };
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(header.typ).not.toBe('at+jwt');
    expect(claims).toMatchObject({ aud: 'coalition', roles: ['coordinator'], state_code: 'WA' });
    await expectRefused(idToken);
  });

  it("refuses a Washington provider's token claiming Oregon, and takes Oregon's own", async () => {
    await expectRefused(await providers.clientToken('wa', 'wa-claims-or'));
    const or = stack.bearer(await providers.clientToken('or', 'or-coordinator'));
    expect(await or.get('/auth/me')).toMatchObject({ status: 200, body: { id: 'oidc:or:or-coordinator', stateCode: 'OR' } });
    expect(await or.post('/api-keys', { name: 'OR records', stateCode: 'OR', scopes: ['read'] })).toMatchObject({ status: 201 });
  });

  it("keeps two providers' equal subjects apart", async () => {
    const ids = await Promise.all(['wa', 'or'].map(async (name) => (await stack.bearer(await providers.clientToken(name, 'records-system')).get('/auth/me')).body));
    expect(ids).toEqual([expect.objectContaining({ id: 'oidc:wa:records-system', stateCode: 'WA' }), expect.objectContaining({ id: 'oidc:or:records-system', stateCode: 'OR' })]);
  });

  it('refuses admin or auditor from a state provider, and takes admin from the platform provider only', async () => {
    for (const clientId of ['wa-claims-admin', 'wa-claims-auditor', 'wa-coordinator-and-admin']) await expectRefused(await providers.clientToken('wa', clientId));
    await expectRefused(await providers.clientToken('compact', 'compact-claims-wa'));
    const admin = stack.bearer(await providers.clientToken('compact', 'compact-admin'));
    expect(await admin.get('/auth/me')).toMatchObject({ status: 200, body: { id: 'oidc:compact:compact-admin', roles: ['admin'], stateCode: null } });
    expect(await admin.get('/users')).toMatchObject({ status: 200 });
  });

  it('refuses a provider the deployment does not trust, without fetching anything from it', async () => {
    const token = await providers.clientToken('ca', 'ca-coordinator');
    await expectRefused(token);
    expect(await providers.jwksFetches('ca')).toBe(0);
  });

  it("answers 503 with Retry-After, not 401, while a provider's keys cannot be fetched", async () => {
    const response = await fetch(`${stack.api.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${await providers.clientToken('nv', 'nv-coordinator')}` } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 503, code: 'IDENTITY_PROVIDER_UNAVAILABLE' });
  });

  it('picks up a key rotation on the first token signed with the new key, while junk kids flood in', async () => {
    expect(await stack.bearer(await providers.clientToken('wa', 'wa-coordinator')).get('/auth/me')).toMatchObject({ status: 200 });
    const jwt = new JwtService();
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const junk = () =>
      jwt.sign(
        { sub: 'mallory', ...coordinator('WA') },
        { privateKey: stranger, algorithm: 'RS256', issuer: providers.issuers.wa, audience: 'coalition', expiresIn: 300, header: { alg: 'RS256', typ: 'at+jwt', kid: randomUUID() } },
      );
    const fetchesBefore = await providers.jwksFetches('wa');
    const started = Date.now();
    let flooding = true;
    const junkAnswers: number[] = [];
    // Twelve junk tokens at a time, without pause, for as long as the test runs.
    const flood = Promise.all(
      Array.from({ length: 12 }, async () => {
        while (flooding) junkAnswers.push((await stack.bearer(junk()).get('/auth/me')).status);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const kid = await providers.rotate('wa');
    const token = await providers.clientToken('wa', 'wa-coordinator');
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toMatchObject({ kid, typ: 'at+jwt' });
    const presented = Date.now();
    // The first attempt, not a retry: a client has no way to know it should wait.
    const answer = await stack.bearer(token).get('/auth/me');
    const waitedMs = Date.now() - presented;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    flooding = false;
    await flood;
    const seconds = (Date.now() - started) / 1_000;
    const fetches = (await providers.jwksFetches('wa')) - fetchesBefore;
    console.log(`token with the rotated key answered ${answer.status} after ${waitedMs} ms; ${junkAnswers.length} junk tokens in ${seconds.toFixed(1)} s cost ${fetches} JWKS fetches`);
    expect(answer).toMatchObject({ status: 200, body: { id: 'oidc:wa:wa-coordinator' } });
    expect(junkAnswers.length).toBeGreaterThan(12);
    expect(new Set(junkAnswers)).toEqual(new Set([401]));
    // Rate limited: about one fetch a second whatever the junk, not one per junk token.
    expect(fetches).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    expect(fetches).toBeLessThan(junkAnswers.length);
  });
});
