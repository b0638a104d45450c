import { Injectable, Logger } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { Strategy } from 'passport-custom';
import { OidcProviderConfig } from '@coalition/platform';
import { Principal } from '../../common/auth/principal';
import { RegisteredStates } from '../registered-states';
import { principalFromClaims, unvouched } from './oidc-claims';
import { problem, ProblemException } from '../../common/http/problem';
import { IdentityProviderUnavailable, OidcProviders, verificationFailure } from './oidc-verifier';

const OUTAGE_LOG_EVERY_MS = 5_000;

const bearerToken = (request: Request): string | undefined => /^Bearer\s+(\S+)\s*$/i.exec(request.header('authorization') ?? '')?.[1];

/**
 * Bearer tokens issued by the states' own identity providers. The token's `iss` picks the
 * provider; the token is verified against that provider's JWKS alone, and accepted only for
 * what that provider may vouch for (its states, `platform` for admins and auditors). Tried
 * after our own tokens; a token of no configured issuer makes it fetch nothing.
 */
@Injectable()
export class OidcStrategy extends PassportStrategy(Strategy, 'oidc') {
  private readonly logger = new Logger(OidcStrategy.name);
  private readonly providers: OidcProviders;
  private readonly outages = new Map<string, { since: number; count: number }>();

  constructor(
    configs: readonly OidcProviderConfig[],
    private readonly states: RegisteredStates,
  ) {
    super();
    this.providers = new OidcProviders(configs);
    for (const config of configs.filter((c) => c.vouchesFor.includes('*'))) {
      // The single provider of OIDC_ISSUER does so unless OIDC_VOUCHES_FOR binds it: worth an operator's look.
      this.logger.warn({ msg: 'an OIDC provider may vouch for every state', issuer: config.issuer, vouchesFor: config.vouchesFor });
    }
  }

  /** During an outage every token of that provider fails alike: one log line per provider every 5 s, with the count. */
  private unavailable(issuer: string, error: string): void {
    const now = Date.now();
    const outage = this.outages.get(issuer) ?? { since: 0, count: 0 };
    outage.count += 1;
    if (now - outage.since >= OUTAGE_LOG_EVERY_MS) {
      this.logger.warn({ msg: 'OIDC provider unavailable; answered 503', issuer, requests: outage.count, error });
      outage.since = now;
      outage.count = 0;
    }
    this.outages.set(issuer, outage);
  }

  async validate(request: Request): Promise<Principal | null> {
    const token = bearerToken(request);
    if (!token) return null;
    const provider = this.providers.forToken(token);
    if (!provider) return null;
    const { config } = provider;
    const refuse = (reason: string, sub?: unknown) => {
      this.logger.warn({ msg: 'OIDC token refused', issuer: config.issuer, sub, reason });
      return null;
    };
    let claims: Record<string, unknown>;
    try {
      claims = await provider.verify(token);
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) {
        this.unavailable(config.issuer, error.message);
        throw new ProblemException(problem(503, 'IDENTITY_PROVIDER_UNAVAILABLE', "The identity provider that issued the token cannot be reached to check it; retry after the time in Retry-After"));
      }
      return refuse(verificationFailure(error));
    }
    const mapped = principalFromClaims(claims, config);
    if ('refused' in mapped) return refuse(mapped.refused, claims.sub);
    const overreach = unvouched(mapped, config.vouchesFor);
    if (overreach) return refuse(overreach, claims.sub);
    if (mapped.stateCode && !(await this.states.has(mapped.stateCode))) return refuse(`state ${mapped.stateCode} is not registered`, claims.sub);
    return mapped;
  }
}
