import { RunningApi, startApi } from '../../testing/running-api';

jest.setTimeout(60_000);

const wa = {
  name: 'wa', issuer: 'https://login.wa.gov/realms/staff', jwksUri: 'https://login.wa.gov/realms/staff/certs', audience: 'coalition', vouchesFor: ['WA'],
  consoleClientId: 'coalition-console', displayName: 'Washington', resource: 'urn:coalition:api',
};
const or = { name: 'or', issuer: 'https://idp.oregon.gov', jwksUri: 'https://idp.oregon.gov/jwks', audience: 'coalition', vouchesFor: ['OR'], consoleClientId: 'console', scope: 'openid profile' };
// Services only: its tokens are accepted, but the console offers no button for it.
const compact = { name: 'compact', issuer: 'https://login.compact.example', jwksUri: 'https://login.compact.example/jwks', audience: 'coalition', vouchesFor: ['platform'] };

describe('GET /auth/providers', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ OIDC_PROVIDERS: JSON.stringify([wa, compact, or]) });
  });

  afterAll(() => api?.stop());

  it('lists, to anyone, the providers with a console client and what a browser needs of them, nothing more', async () => {
    const answer = await api.anonymous('GET', '/api/v1/auth/providers');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { name: 'wa', displayName: 'Washington', issuer: wa.issuer, clientId: 'coalition-console', scope: 'openid', resource: 'urn:coalition:api' },
      { name: 'or', displayName: 'or', issuer: or.issuer, clientId: 'console', scope: 'openid profile' },
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(/jwks|vouchesFor|audience|compact/);
  });

  it('is documented as public, with its schema', async () => {
    const document = (await api.anonymous('GET', '/docs-json')).body as { paths: Record<string, { get: Record<string, unknown> }> };
    const operation = document.paths['/api/v1/auth/providers'].get;
    expect(operation).toMatchObject({ operationId: 'listSignInProviders', security: [] });
    expect(JSON.stringify(operation.responses)).toContain('#/components/schemas/SignInProvider');
  });
});
