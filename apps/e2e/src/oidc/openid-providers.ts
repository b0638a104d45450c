import { ChildProcess, fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

export type Claims = Record<string, unknown>;

export interface ProviderSpec {
  name: string;
  /** Services: each client's access tokens (client_credentials) carry its claims. */
  clients: { clientId: string; claims: Claims }[];
  /** People: each account's tokens (authorization code flow) carry its claims. */
  accounts?: Record<string, Claims>;
  /** Browsers: public clients (no secret, PKCE) such as the staff console, signing people in on the provider's own pages. */
  consoleClients?: { clientId: string; redirectUris: string[] }[];
}

/** The resource indicator (RFC 8707) and audience of Coalition at every provider. */
export const RESOURCE = 'urn:coalition:api';
export const AUDIENCE = 'coalition';
const CLIENT_SECRET = 'a client secret of the test';

const basic = (clientId: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/**
 * Real OpenID providers (`oidc-provider`), one per state, running in a child process on
 * loopback (./openid-providers.mjs). Tokens come from their token endpoints: access tokens in
 * RFC 9068 JWT format for Coalition's resource indicator, ID tokens from a code flow.
 */
export class OpenIdProviders {
  private nextId = 0;
  private readonly waiting = new Map<number, (message: Record<string, unknown>) => void>();

  private constructor(
    private readonly child: ChildProcess,
    /** Each provider's issuer (its base URL), by name. */
    readonly issuers: Record<string, string>,
    private readonly output: () => string,
  ) {
    child.on('message', (message: { id?: number }) => {
      if (message.id === undefined) return;
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  static async start(specs: ProviderSpec[]): Promise<OpenIdProviders> {
    const spec = specs.map((provider) => ({
      name: provider.name,
      resource: RESOURCE,
      audience: AUDIENCE,
      clients: provider.clients.map((client) => ({ ...client, clientSecret: CLIENT_SECRET })),
      accounts: provider.accounts ?? {},
      consoleClients: provider.consoleClients ?? [],
    }));
    const child = fork(join(__dirname, 'openid-providers.mjs'), [], {
      env: { PATH: process.env.PATH ?? '', OPENID_PROVIDERS: JSON.stringify(spec) },
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const issuers = await new Promise<Record<string, string>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the OpenID providers did not start within 30 s:\n${output}`)), 30_000);
      child.once('message', (message: { ready?: Record<string, string> }) => {
        clearTimeout(timer);
        if (message.ready) resolve(message.ready);
      });
      child.once('exit', (code) => reject(new Error(`the OpenID providers exited with ${code}:\n${output}`)));
    });
    return new OpenIdProviders(child, issuers, () => output);
  }

  /** OIDC_PROVIDERS for Coalition: each provider by its discovery document's jwks_uri, bound to `vouchesFor[name]`. */
  async coalitionConfig(vouchesFor: Record<string, string[]>): Promise<string> {
    const providers = await Promise.all(
      Object.entries(vouchesFor).map(async ([name, states]) => {
        const discovery = (await (await fetch(`${this.issuers[name]}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
        return { name, issuer: discovery.issuer, jwksUri: discovery.jwks_uri, audience: AUDIENCE, vouchesFor: states };
      }),
    );
    return JSON.stringify(providers);
  }

  /** A service's access token: the client_credentials grant for Coalition's resource. */
  async clientToken(name: string, clientId: string): Promise<string> {
    const response = await fetch(`${this.issuers[name]}/token`, {
      method: 'POST',
      headers: { authorization: basic(clientId, CLIENT_SECRET), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api', resource: RESOURCE }),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!response.ok || !body.access_token) throw new Error(`client_credentials at ${name} for ${clientId}: ${response.status} ${JSON.stringify(body)}\n${this.output()}`);
    return body.access_token;
  }

  /**
   * A person's tokens from the authorization code flow with PKCE, driven over HTTP as a browser
   * would: the authorization request, the provider's login (which signs in `accountId`), back to
   * the authorization endpoint, the code at the redirect URI, then the token endpoint.
   */
  async signIn(name: string, accountId: string): Promise<{ accessToken: string; idToken: string }> {
    const issuer = this.issuers[name];
    const verifier = randomBytes(32).toString('base64url');
    const cookies = new Map<string, string>();
    const redirectUri = 'http://127.0.0.1/callback';
    let url = `${issuer}/auth?${new URLSearchParams({
      client_id: AUDIENCE, response_type: 'code', redirect_uri: redirectUri, scope: 'openid profile coalition', resource: RESOURCE,
      login_hint: accountId, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256', state: 'xyz',
    })}`;
    for (let hop = 0; hop < 10 && !url.startsWith(redirectUri); hop++) {
      const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = response.headers.get('location');
      if (!location) throw new Error(`code flow at ${name}: ${response.status} without a redirect: ${await response.text()}`);
      url = new URL(location, url).href;
    }
    const code = new URL(url).searchParams.get('code');
    if (!code) throw new Error(`code flow at ${name} ended at ${url}`);
    const response = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { authorization: basic(AUDIENCE, 'console-secret'), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, resource: RESOURCE }),
    });
    const body = (await response.json()) as { access_token?: string; id_token?: string };
    if (!response.ok || !body.access_token || !body.id_token) throw new Error(`token endpoint at ${name}: ${response.status} ${JSON.stringify(body)}`);
    return { accessToken: body.access_token, idToken: body.id_token };
  }

  /** Rotates the provider's signing key: new tokens carry the new `kid`; the JWKS publishes both. */
  async rotate(name: string): Promise<string> {
    return String((await this.ask({ rotate: name })).kid);
  }

  /** How many times the provider's JWKS has been fetched. */
  async jwksFetches(name: string): Promise<number> {
    return Number((await this.ask({ jwksFetches: name })).jwksFetches);
  }

  private ask(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...message, id });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}
