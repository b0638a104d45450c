import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AuthTokens } from './auth-tokens';
import { BootstrapAdmin } from './bootstrap-admin';
import { DeactivateUserHandler } from './deactivate-user/deactivate-user.handler';
import { DeactivateUserController } from './deactivate-user/deactivate-user.http.controller';
import { JWT_SIGNING } from './jwt-signing';
import { JwtStrategy } from './jwt.strategy';
import { ListUsersController } from './list-users/list-users.http.controller';
import { LocalStrategy } from './local.strategy';
import { LoginController } from './login/login.http.controller';
import { MeController } from './me/me.http.controller';
import { RegisterUserHandler } from './register-user/register-user.handler';
import { RegisterUserController } from './register-user/register-user.http.controller';
import { UserAccounts } from './user-accounts';

@Module({})
export class IdentityModule {
  static forRoot(jwtSecret: string): DynamicModule {
    return {
      module: IdentityModule,
      imports: [PassportModule, JwtModule.register({ secret: jwtSecret, signOptions: { algorithm: 'HS256' } })],
      controllers: [LoginController, MeController, RegisterUserController, DeactivateUserController, ListUsersController],
      providers: [
        { provide: JWT_SIGNING, useValue: { secret: jwtSecret } },
        UserAccounts,
        AuthTokens,
        LocalStrategy,
        JwtStrategy,
        RegisterUserHandler,
        DeactivateUserHandler,
        BootstrapAdmin,
      ],
      exports: [UserAccounts],
    };
  }
}
