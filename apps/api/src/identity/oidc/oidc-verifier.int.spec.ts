import { generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { errors, SignJWT } from 'jose';
import { IdentityProviderUnavailable, JWKS_COOLDOWN_MS, OidcProvider } from './oidc-verifier';

interface Key {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

const newKey = (kid: string = randomUUID()): Key => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
};

// RSA key generation is slow on a shared machine.
jest.setTimeout(30_000);

/** One stranger's key under any number of made-up kids: junk costs an attacker nothing. */
const stranger = newKey();
const junkKey = (): Key => ({ ...stranger, kid: randomUUID() });

/**
 * The provider's side over real loopback HTTP: a JWKS whose keys the test rotates, counting its
 * fetches, or answering what an outage would. Tokens are signed here with jose; the e2e tests
 * take theirs from real OpenID providers.
 */
describe('OidcProvider (token verification against a JWKS over HTTP)', () => {
  let server: Server;
  let base: string;
  let published: Key[];
  let fetches: number;
  let answer: 'keys' | 'error' | 'not-a-key-set';

  beforeAll(async () => {
    server = createServer((_request, response) => {
      fetches += 1;
      if (answer === 'error') return void response.writeHead(500).end();
      const body = answer === 'keys' ? { keys: published.map((key) => key.jwk) } : { hello: 'world' };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  let signing: Key;
  beforeEach(() => {
    signing = newKey();
    published = [signing];
    fetches = 0;
    answer = 'keys';
  });

  const provider = (jwksUri = `${base}/jwks`) =>
    new OidcProvider({ issuer: 'https://idp.wa.example', jwksUri, audience: 'coalition', rolesClaim: 'roles', stateClaim: 'state_code', vouchesFor: ['WA'] });
  const token = (key: Key = signing, typ = 'at+jwt') =>
    new SignJWT({ roles: ['coordinator'], state_code: 'WA' })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ })
      .setIssuer('https://idp.wa.example')
      .setAudience('coalition')
      .setSubject('jane')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);

  it("takes RFC 9068's at+jwt in either spelling and refuses any other type, an ID token's included", async () => {
    const wa = provider();
    await expect(wa.verify(await token(signing, 'at+jwt'))).resolves.toMatchObject({ sub: 'jane' });
    await expect(wa.verify(await token(signing, 'application/at+jwt'))).resolves.toMatchObject({ sub: 'jane' });
    for (const typ of ['JWT', 'id_token+jwt', 'at+JWT+extra']) await expect(wa.verify(await token(signing, typ))).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
    const untyped = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: signing.kid }).setIssuer('https://idp.wa.example').setAudience('coalition').setSubject('jane').setExpirationTime('5m').sign(signing.privateKey);
    await expect(wa.verify(untyped)).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
  });

  it('fetches the JWKS once for many tokens of known keys', async () => {
    const wa = provider();
    await Promise.all(Array.from({ length: 20 }, async () => wa.verify(await token())));
    expect(fetches).toBe(1);
  });

  it('fetches the JWKS again at most once per cooldown, however many unknown kids arrive', async () => {
    const junk = await Promise.all(Array.from({ length: 30 }, () => token(junkKey())));
    const wa = provider();
    await wa.verify(await token());
    const started = Date.now();
    const outcomes = await Promise.allSettled(junk.map((t) => wa.verify(t)));
    expect(outcomes.every((o) => o.status === 'rejected' && o.reason instanceof errors.JWKSNoMatchingKey)).toBe(true);
    expect(fetches).toBe(2);
    expect(Date.now() - started).toBeLessThan(JWKS_COOLDOWN_MS * 3);
  });

  it('accepts the first token of a rotated key on its first attempt, right after junk kids', async () => {
    const wa = provider();
    await wa.verify(await token());
    await Promise.allSettled(Array.from({ length: 12 }, async () => wa.verify(await token(junkKey()))));
    // The provider rotates: a new signing key, the old one still published.
    const rotated = newKey();
    published = [rotated, signing];
    await expect(wa.verify(await token(rotated))).resolves.toMatchObject({ sub: 'jane' });
    await expect(wa.verify(await token(signing))).resolves.toMatchObject({ sub: 'jane' });
  });

  it('tells an unreachable or broken JWKS (unavailable) from a bad token (refused)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(provider(`http://127.0.0.1:${closedPort}/jwks`).verify(await token())).rejects.toBeInstanceOf(IdentityProviderUnavailable);
    answer = 'error';
    await expect(provider().verify(await token())).rejects.toBeInstanceOf(IdentityProviderUnavailable);
    answer = 'not-a-key-set';
    await expect(provider().verify(await token())).rejects.toBeInstanceOf(IdentityProviderUnavailable);
    answer = 'keys';
    await expect(provider().verify(await token({ ...stranger, kid: signing.kid }))).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
  });
});
