import { createRemoteJWKSet, decodeJwt, errors, JWTPayload, JWTVerifyGetKey, jwtVerify } from 'jose';
import { OidcProviderConfig } from '@coalition/platform';

/** Asymmetric only: a provider's tokens can never be verified with a shared secret. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'] as const;

/**
 * After a token with an unknown `kid`, a provider's JWKS is fetched again at most this often.
 * A token that meets a cooldown waits for it to end and is checked against the keys fetched
 * then: junk `kid`s cost the provider one fetch a second and can never make a real rotation wait
 * longer than that.
 */
export const JWKS_COOLDOWN_MS = 1_000;
/** Keys are refetched this long after the last fetch even when every `kid` is known. */
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_TIMEOUT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The provider's JWKS could not be fetched (unreachable, timed out, not 200, not a key set): no token of it can be judged. */
export class IdentityProviderUnavailable extends Error {
  constructor(
    readonly issuer: string,
    cause: unknown,
  ) {
    super(`the JWKS of ${issuer} could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** What jose throws about the token itself (no key for its kid, several); anything else came from fetching the JWKS. */
const aboutTheToken = (error: unknown) => error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys;

/** One provider's signing keys, fetched from its JWKS and cached (`jose`'s createRemoteJWKSet). */
class ProviderKeys {
  private readonly remote: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly issuer: string,
    jwksUri: string,
  ) {
    this.remote = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: JWKS_COOLDOWN_MS, cacheMaxAge: JWKS_MAX_AGE_MS, timeoutDuration: JWKS_TIMEOUT_MS });
  }

  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    // Out of its cooldown, jose refetches on an unknown kid by itself; within it, it refuses at once.
    const coolingDown = this.remote.coolingDown;
    try {
      return await this.fetched(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || !coolingDown) throw error;
      await sleep(JWKS_COOLDOWN_MS);
      return this.fetched(header, token);
    }
  };

  private async fetched(...args: Parameters<JWTVerifyGetKey>) {
    try {
      return await this.remote(...args);
    } catch (error) {
      throw aboutTheToken(error) ? error : new IdentityProviderUnavailable(this.issuer, error);
    }
  }
}

/** A state identity provider as Coalition trusts it: its configuration and its keys. */
export class OidcProvider {
  private readonly keys: ProviderKeys;

  constructor(readonly config: OidcProviderConfig) {
    this.keys = new ProviderKeys(config.issuer, config.jwksUri);
  }

  /**
   * The claims of an RFC 9068 access token of this provider: signed by one of its keys, for our
   * audience, unexpired, with a subject, and typed `at+jwt` (jose also takes `application/at+jwt`),
   * so that an ID token, signed by the same keys, is never taken for an access token.
   */
  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.keys.getKey, {
      issuer: this.config.issuer,
      audience: this.config.audience,
      algorithms: [...OIDC_ALGORITHMS],
      typ: 'at+jwt',
      requiredClaims: ['exp', 'sub'],
    });
    return payload;
  }
}

/** The configured providers, chosen by a token's `iss`. */
export class OidcProviders {
  private readonly byIssuer: Map<string, OidcProvider>;

  constructor(configs: readonly OidcProviderConfig[]) {
    this.byIssuer = new Map(configs.map((config) => [config.issuer, new OidcProvider(config)]));
  }

  /** The provider named by the token's (still unverified) `iss`; none for our own tokens, junk, or a stranger's. */
  forToken(token: string): OidcProvider | undefined {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return undefined;
    }
    return typeof issuer === 'string' ? this.byIssuer.get(issuer) : undefined;
  }
}

/** Why verification failed, for the log. */
export const verificationFailure = (error: unknown): string =>
  error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
