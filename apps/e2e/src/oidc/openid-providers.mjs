// Real OpenID providers (the `oidc-provider` package) on loopback, one per state, for the e2e
// tests. A child process of the test, since oidc-provider is ESM-only and jest's runtime is not.
// Spec (env OPENID_PROVIDERS, JSON): [{ name, resource, audience, clients: [{ clientId, clientSecret,
// claims }], accounts: { <accountId>: claims }, consoleClients?: [{ clientId, redirectUris }] }]. Messages over IPC: { rotate: name } signs with a
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
      // A code flow for people, whose ID token is for Coalition too.
      { client_id: spec.audience, client_secret: 'console-secret', grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: ['http://127.0.0.1/callback'] },
      // The staff console in a browser: a public client (no secret), PKCE required like every client here.
      ...(spec.consoleClients ?? []).map((client) => ({
        client_id: client.clientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: client.redirectUris,
      })),
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
async function interaction(provider, spec, req, res) {
  const details = await provider.interactionDetails(req, res);
  if (!details.params.login_hint) return interactivePage(provider, spec, details, req, res);
  const accountId = details.params.login_hint;
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  grant.addResourceScope(details.params.resource, SCOPE);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (res, title, body) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`,
  );
const formBody = (req) =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(new URLSearchParams(text)));
  });

/**
 * Without a login_hint (a person in a browser), the provider's own pages: a login form, then a
 * consent page to allow or deny what the client asked for. Any account of the spec signs in by name.
 */
async function interactivePage(provider, spec, details, req, res) {
  const action = `/interaction/${details.uid}`;
  if (req.method === 'GET' && details.prompt.name === 'login') {
    return page(res, 'Sign in at the state identity provider',
      `<form method="post" action="${action}"><label for="account">Account</label> <input id="account" name="account" autocomplete="username"> <button type="submit" name="step" value="login">Sign in</button></form>`);
  }
  if (req.method === 'GET') {
    return page(res, `Allow ${details.params.client_id}?`,
      `<p>${escape(details.params.client_id)} asks to act for you (scope ${escape(details.params.scope)}).</p><form method="post" action="${action}"><button type="submit" name="step" value="allow">Allow</button> <button type="submit" name="step" value="deny">Deny</button></form>`);
  }
  const body = await formBody(req);
  const step = body.get('step');
  if (step === 'login') {
    const accountId = body.get('account') ?? '';
    if (!spec.accounts[accountId]) return page(res, 'Sign in at the state identity provider', `<p role="alert">No account ${escape(accountId)}.</p>`);
    return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
  }
  if (step === 'deny') {
    return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'the person denied the request' }, { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  grant.addOIDCScope(details.params.scope);
  if (details.params.resource) grant.addResourceScope(details.params.resource, SCOPE);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function start(spec) {
  const state = { provider: undefined, keys: [rsaKey(`${spec.name}-1`)], jwksFetches: 0, issuer: '' };
  const server = createServer((req, res) => {
    if (req.url === '/jwks') state.jwksFetches += 1;
    if (req.url?.startsWith('/interaction/')) {
      return void interaction(state.provider, spec, req, res).catch((error) => res.writeHead(500).end(String(error)));
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
