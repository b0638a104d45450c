import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { JwksClient } from 'jwks-rsa';
import { ExtractJwt, Strategy, StrategyOptionsWithRequest } from 'passport-jwt';
import { AppConfig } from '@coalition/infra';
import { Principal } from '../../common/auth/principal';
import { RegisteredStates } from '../registered-states';
import { principalFromClaims } from './oidc-claims';

export type OidcConfig = NonNullable<AppConfig['oidc']>;

/** Asymmetric only: a provider's tokens can never be verified with a shared secret. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'] as const;

/**
 * Bearer tokens issued by the state's own identity provider, verified against its JWKS
 * (`jwks-rsa`: keys cached by `kid`, an unknown `kid` refetched at most 10 times a minute, so
 * key rotation needs no restart). Tried after our own tokens; the key provider answers only
 * for tokens whose `iss` is the configured issuer, so no other token makes it fetch anything.
 */
@Injectable()
export class OidcStrategy extends PassportStrategy(Strategy, 'oidc') {
  private readonly logger = new Logger(OidcStrategy.name);

  constructor(
    private readonly config: OidcConfig,
    private readonly states: RegisteredStates,
    jwt: JwtService,
  ) {
    super(OidcStrategy.options(config, jwt));
  }

  private static options(config: OidcConfig, jwt: JwtService): StrategyOptionsWithRequest {
    const keys = new JwksClient({ jwksUri: config.jwksUri, cache: true, cacheMaxAge: 10 * 60_000, rateLimit: true, jwksRequestsPerMinute: 10, timeout: 5_000 });
    return {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      issuer: config.issuer,
      audience: config.audience,
      algorithms: [...OIDC_ALGORITHMS],
      passReqToCallback: true,
      secretOrKeyProvider: (_request: Request, token: string, done: (error: unknown, key?: string) => void) => {
        const decoded = jwt.decode<{ header?: { kid?: string; alg?: string }; payload?: { iss?: unknown } } | null>(token, { complete: true });
        if (!decoded?.payload || decoded.payload.iss !== config.issuer) return done(new Error('not a token of the OIDC issuer'));
        keys.getSigningKey(decoded.header?.kid).then(
          (key) => done(null, key.getPublicKey()),
          (error: Error) => done(new Error(`no signing key: ${error.message}`)),
        );
      },
    };
  }

  async validate(_request: Request, claims: Record<string, unknown>): Promise<Principal | null> {
    const mapped = principalFromClaims(claims, this.config);
    if ('refused' in mapped) {
      this.logger.warn({ msg: 'OIDC token refused', sub: claims.sub, reason: mapped.refused });
      return null;
    }
    if (mapped.stateCode && !(await this.states.has(mapped.stateCode))) {
      this.logger.warn({ msg: 'OIDC token refused', sub: claims.sub, reason: `state ${mapped.stateCode} is not registered` });
      return null;
    }
    return mapped;
  }
}
