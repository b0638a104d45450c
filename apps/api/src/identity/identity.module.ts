import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { Request } from 'express';
import { APP_CONFIG, AppConfig, Database } from '@coalition/platform';
import { ApiKeysRepository } from '@coalition/read-side';
import { ApiKeyCredentials } from './api-keys/api-key-credentials';
import { ApiKeyStrategy } from './api-keys/api-key.strategy';
import { AuthTokens } from './auth-tokens';
import { BootstrapAdmin } from './bootstrap-admin';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { ChangePasswordController } from './change-password/change-password.http.controller';
import { DeactivateUserHandler } from './deactivate-user/deactivate-user.handler';
import { DeactivateUserController } from './deactivate-user/deactivate-user.http.controller';
import { IssueApiKeyHandler } from './issue-api-key/issue-api-key.handler';
import { IssueApiKeyController } from './issue-api-key/issue-api-key.http.controller';
import { deploymentUrn, JWT_SIGNING } from './jwt-signing';
import { JwtStrategy } from './jwt.strategy';
import { ListSignInProvidersController } from './list-sign-in-providers/list-sign-in-providers.http.controller';
import { ListApiKeysController } from './list-api-keys/list-api-keys.http.controller';
import { ListUsersController } from './list-users/list-users.http.controller';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login/login-throttle';
import { PasswordCheck } from './login/password-check';
import { LoginController } from './login/login.http.controller';
import { MeController } from './me/me.http.controller';
import { OidcStrategy } from './oidc/oidc.strategy';
import { RegisteredStates } from './registered-states';
import { RegisterUserHandler } from './register-user/register-user.handler';
import { RegisterUserController } from './register-user/register-user.http.controller';
import { ResetPasswordHandler } from './reset-password/reset-password.handler';
import { ResetPasswordController } from './reset-password/reset-password.http.controller';
import { RevokeApiKeyHandler } from './revoke-api-key/revoke-api-key.handler';
import { RevokeApiKeyController } from './revoke-api-key/revoke-api-key.http.controller';
import { UserAccounts } from './user-accounts';

/**
 * The rate of every route, per principal (anonymous callers per address), in each api process:
 * RATE_LIMIT_PER_SECOND, never below 100. No block after the limit (blockDuration 0): hits
 * expire one by one a second after they were made, so a client going too fast still gets its
 * full rate, only the excess is refused.
 */
const perPrincipalRateLimit = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    throttlers: [{ ttl: 1_000, limit: config.rateLimitPerSecond, blockDuration: 0 }],
    // The throttler hands over the Express request as a plain record: only these two are read.
    getTracker: ({ principal, ip }: Partial<Pick<Request, 'principal' | 'ip'>>) => (principal ? `${principal.kind}:${principal.id}` : `ip:${ip}`),
  }),
});

@Module({})
export class IdentityModule {
  static forRoot(jwtSecret: string): DynamicModule {
    return {
      module: IdentityModule,
      imports: [PassportModule, JwtModule.register({ secret: jwtSecret, signOptions: { algorithm: 'HS256' } }), perPrincipalRateLimit],
      controllers: [
        LoginController, MeController, RegisterUserController, DeactivateUserController, ListUsersController,
        IssueApiKeyController, ListApiKeysController, RevokeApiKeyController, ChangePasswordController, ResetPasswordController,
        ListSignInProvidersController,
      ],
      providers: [
        {
          provide: JWT_SIGNING,
          useFactory: async (config: AppConfig, db: Database) => {
            const id = config.deploymentId ?? String((await db.query('SELECT id FROM deployment_identity ORDER BY created_at LIMIT 1'))[0].id);
            return { secret: jwtSecret, deployment: deploymentUrn(id) };
          },
          inject: [APP_CONFIG, Database],
        },
        UserAccounts,
        AuthTokens,
        LocalStrategy,
        JwtStrategy,
        RegisterUserHandler,
        DeactivateUserHandler,
        ChangePasswordHandler,
        ResetPasswordHandler,
        BootstrapAdmin,
        LoginThrottle,
        PasswordCheck,
        RegisteredStates,
        ApiKeyCredentials,
        ApiKeyStrategy,
        IssueApiKeyHandler,
        RevokeApiKeyHandler,
        { provide: ApiKeysRepository, useFactory: (db: Database) => new ApiKeysRepository(db), inject: [Database] },
        {
          // Registered with passport only when the deployment names an identity provider.
          provide: OidcStrategy,
          useFactory: (config: AppConfig, states: RegisteredStates) => (config.oidcProviders.length > 0 ? new OidcStrategy(config.oidcProviders, states) : null),
          inject: [APP_CONFIG, RegisteredStates],
        },
      ],
      exports: [UserAccounts],
    };
  }
}
