import { createSecretKey } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Principal } from '../common/auth/principal';
import { UserAccounts } from './user-accounts';
import { JWT_SIGNING, JwtSigning } from './jwt-signing';
import { Inject } from '@nestjs/common';

interface Claims {
  sub: string;
  /** The credentials version it was issued at; tokens from before the claim existed count as version 0. */
  cv?: number;
  exp?: number;
}

/** Our own short-lived bearer tokens. The user is re-read on every request so a deactivation or a password change bites at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    private readonly accounts: UserAccounts,
    @Inject(JWT_SIGNING) signing: JwtSigning,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken tries to parse it as a PEM
      // public key on every request and falls back on the exception (8% of the api's CPU
      // under load). Its types predate KeyObject support, hence the cast.
      secretOrKey: createSecretKey(Buffer.from(signing.secret)) as unknown as Buffer,
      algorithms: ['HS256'],
      // Only tokens this deployment issued for itself; with a shared JWT_SECRET another's are refused.
      issuer: signing.deployment,
      audience: signing.deployment,
    });
  }

  async validate(claims: Claims): Promise<Principal> {
    // jsonwebtoken checks `exp` only when present: a token without one would never expire.
    if (typeof claims.exp !== 'number') throw new UnauthorizedException('The token has no expiry');
    const state = await this.accounts.current(claims.sub);
    if (state.status !== 'active') throw new UnauthorizedException('This account is not active');
    if ((claims.cv ?? 0) !== state.credentialsVersion) throw new UnauthorizedException('This token was issued before a password change; sign in again');
    const { userId: id, username, roles, stateCode, credentialsVersion } = state;
    return { id, kind: 'user', username, roles, stateCode, credentialsVersion };
  }
}
