import { Injectable, Logger } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { Strategy } from 'passport-custom';
import { OidcProviderConfig } from '@coalition/infra';
import { Principal } from '../../common/auth/principal';
import { RegisteredStates } from '../registered-states';
import { principalFromClaims, unvouched } from './oidc-claims';
import { problem, ProblemException } from '../../common/http/problem';
import { IdentityProviderUnavailable, OidcProviders, verificationFailure } from './oidc-verifier';

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

  constructor(
    configs: readonly OidcProviderConfig[],
    private readonly states: RegisteredStates,
  ) {
    super();
    this.providers = new OidcProviders(configs);
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
        this.logger.warn({ msg: 'OIDC provider unavailable; answered 503', issuer: config.issuer, error: error.message });
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
