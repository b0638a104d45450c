import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';

type SigningKey = 'rsa' | 'ec' | 'stranger';

export interface TokenOptions {
  /** Which key signs: the provider's RSA or EC key, or a stranger's RSA key presented under the provider's RSA `kid`. */
  key?: SigningKey;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  /** The header's `typ`: `at+jwt` unless told; `JWT` makes it look like an ID token. */
  typ?: string;
}

/**
 * A state's identity provider as far as Coalition sees it: a JWKS document on a local HTTP
 * server, and tokens signed with the matching private keys (RS256 and ES256).
 */
export class TestIdentityProvider {
  readonly audience = 'coalition';
  private readonly jwt = new JwtService();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly keys: Record<SigningKey, { privateKey: KeyObject; kid: string; algorithm: 'RS256' | 'ES256' }>,
  ) {}

  static async start(): Promise<TestIdentityProvider> {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwks = JSON.stringify({
      keys: [
        { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...ec.publicKey.export({ format: 'jwk' }), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    });
    const server = createServer((request, response) => {
      if (request.url !== '/realms/wa/jwks.json') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestIdentityProvider(server, `http://127.0.0.1:${port}`, {
      rsa: { privateKey: rsa.privateKey, kid: 'rsa-1', algorithm: 'RS256' },
      ec: { privateKey: ec.privateKey, kid: 'ec-1', algorithm: 'ES256' },
      stranger: { privateKey: stranger.privateKey, kid: 'rsa-1', algorithm: 'RS256' },
    });
  }

  get issuer(): string {
    return `${this.baseUrl}/realms/wa`;
  }

  /** The environment that points Coalition at this provider. */
  get env(): Record<string, string> {
    return {
      OIDC_ISSUER: this.issuer,
      OIDC_AUDIENCE: this.audience,
      OIDC_JWKS_URI: `${this.issuer}/jwks.json`,
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_STATE_CLAIM: 'state_code',
    };
  }

  sign(claims: Record<string, unknown>, options: TokenOptions = {}): string {
    const key = this.keys[options.key ?? 'rsa'];
    const now = Math.floor(Date.now() / 1000);
    return this.jwt.sign(
      { iat: now, exp: now + (options.expiresIn ?? 300), ...claims },
      {
        privateKey: key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        algorithm: key.algorithm,
        keyid: key.kid,
        // RFC 9068's access token type, which Coalition requires.
        header: { alg: key.algorithm, kid: key.kid, typ: options.typ ?? 'at+jwt' },
        issuer: options.issuer ?? this.issuer,
        audience: options.audience ?? this.audience,
      },
    );
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
