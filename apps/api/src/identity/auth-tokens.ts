import { Injectable, Inject } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '@coalition/platform';
import { Principal } from '../common/auth/principal';
import { JWT_SIGNING, JwtSigning } from './jwt-signing';

export interface AccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

@Injectable()
export class AuthTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JWT_SIGNING) private readonly signing: JwtSigning,
  ) {}

  async issue(principal: Principal): Promise<AccessToken> {
    const accessToken = await this.jwt.signAsync(
      // `cv`: the credentials version; a password change or reset makes every token with an older one stop working.
      { sub: principal.id, kind: 'user', roles: principal.roles, stateCode: principal.stateCode, cv: principal.credentialsVersion ?? 0 },
      // Bound to this deployment: another one sharing the secret refuses it (JwtStrategy).
      { expiresIn: this.config.jwtTtlSeconds, issuer: this.signing.deployment, audience: this.signing.deployment },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds };
  }
}
