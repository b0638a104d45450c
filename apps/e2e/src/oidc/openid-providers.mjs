// Real OpenID providers (the `oidc-provider` package) on loopback, one per state, for the e2e
// tests. A child process of the test, since oidc-provider is ESM-only and jest's runtime is not.
// Spec (env OPENID_PROVIDERS, JSON): [{ name, resource, audience, clients: [{ clientId, clientSecret,
// claims }], accounts: { <accountId>: claims } }]. Messages over IPC: { rotate: name } signs with a
// new key from then on (the old one stays published), { jwksFetches: name } counts JWKS requests;
// each is answered with its `id`.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const specs = JSON.parse(process.env.OPENID_PROVIDERS ?? '[]');
const SCOPE = 'api';

const rsaKey = (kid) => ({ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' });

function configuration(spec, keys) {
  const clientClaims = new Map(spec.clients.map((client) => [client.clientId, client.claims]));
  return {
    clients: [
      ...spec.clients.map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: SCOPE,
      })),
      // The staff console: a code flow for people, whose ID token is for Coalition too.
      { client_id: spec.audience, client_secret: 'console-secret', grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: ['http://127.0.0.1/callback'] },
    ],
    jwks: { keys },
    cookies: { keys: [randomUUID()] },
    claims: { openid: ['sub'], profile: ['preferred_username'], coalition: ['roles', 'state_code'] },
    scopes: ['openid', 'profile', 'coalition', SCOPE],
    // The ID token carries the same roles and state as the access token: only its type tells them apart.
    conformIdTokenClaims: false,
    findAccount: (_ctx, accountId) =>
      spec.accounts[accountId] ? { accountId, claims: () => ({ sub: accountId, ...spec.accounts[accountId] }) } : undefined,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => spec.resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== spec.resource) throw new Error(`unknown resource ${resource}`);
          return { scope: SCOPE, audience: spec.audience, accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // Roles and state in the access token: a service's from its client, a person's from the account.
    extraTokenClaims: (_ctx, token) => (token.accountId ? spec.accounts[token.accountId] : clientClaims.get(token.clientId)),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AccessToken: 300, ClientCredentials: 300, IdToken: 300, Interaction: 600, Grant: 600, Session: 600 },
  };
}

/**
 * The login page of a real provider, reduced to its outcome: whoever `login_hint` names is
 * signed in and consents to what was asked. The flow around it (authorization request, cookies,
 * code, PKCE, token endpoint) is the provider's own.
 */
async function interaction(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const accountId = details.params.login_hint;
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  grant.addResourceScope(details.params.resource, SCOPE);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

async function start(spec) {
  const state = { provider: undefined, keys: [rsaKey(`${spec.name}-1`)], jwksFetches: 0, issuer: '' };
  const server = createServer((req, res) => {
    if (req.url === '/jwks') state.jwksFetches += 1;
    if (req.url?.startsWith('/interaction/')) {
      return void interaction(state.provider, req, res).catch((error) => res.writeHead(500).end(String(error)));
    }
    state.provider.callback()(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.issuer = `http://127.0.0.1:${server.address().port}`;
  state.rebuild = () => (state.provider = new Provider(state.issuer, configuration(spec, state.keys)));
  state.rebuild();
  return state;
}

const providers = new Map();
for (const spec of specs) providers.set(spec.name, await start(spec));

process.on('message', (message) => {
  if (message.rotate) {
    const state = providers.get(message.rotate);
    // The new key first: oidc-provider signs with the first key that fits.
    state.keys = [rsaKey(`${message.rotate}-${state.keys.length + 1}`), ...state.keys];
    state.rebuild();
    process.send({ id: message.id, kid: state.keys[0].kid });
  } else if (message.jwksFetches) {
    process.send({ id: message.id, jwksFetches: providers.get(message.jwksFetches).jwksFetches });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: Object.fromEntries([...providers].map(([name, state]) => [name, state.issuer])) });
