import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard, IAuthGuard } from '@nestjs/passport';
import { Request } from 'express';
import { ACCESS_POLICY_KEY, APP_CONFIG, AppConfig } from '@coalition/platform';
import { AccessPolicy } from './access.decorator';
import { Principal } from './principal';

/**
 * The passport strategies tried, in order: our own bearer tokens first, then (when configured)
 * the states' OIDC providers, which look only at tokens of their issuers, then `X-API-Key`.
 * The first that recognises the request wins.
 */
export const authenticationStrategies = (config: AppConfig): string[] => ['jwt', ...(config.oidcProviders.length > 0 ? ['oidc'] : []), 'api-key'];

/**
 * Global guard: authenticates through passport, then applies the route's declared policy.
 * Per-state scoping ("acts only for its own state") is the domain's job, since only the
 * aggregate knows which state a command concerns; this guard checks roles and key scopes.
 * Every 403 (this guard's or the domain's) is logged by the problem+json filter.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly authenticate: IAuthGuard;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const logger = this.logger;
    class Authenticate extends AuthGuard(authenticationStrategies(config)) {
      override handleRequest<P>(error: unknown, principal: P, info: unknown): P {
        if (error || !principal) {
          // Why each strategy refused (bad signature, wrong audience, revoked key...): for operators, never for the caller.
          const reasons = (Array.isArray(info) ? info : [info]).map((i) => (i instanceof Error ? i.message : i)).filter(Boolean);
          logger.debug({ msg: 'authentication failed', reasons, error: error instanceof Error ? error.message : undefined });
          // A strategy's own error (a deactivated account, the database down) keeps its meaning.
          if (error instanceof Error) throw error;
          throw new UnauthorizedException('Missing, expired or invalid credentials');
        }
        return principal;
      }
    }
    this.authenticate = new Authenticate();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY_KEY, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request>();
    if (!policy) {
      this.logger.error(`route ${request.method} ${request.route?.path} declares no access policy; refusing`);
      throw new ForbiddenException('This route declares no access policy');
    }
    if (policy.public) return true;

    await this.authenticate.canActivate(context);
    const principal = request.user as Principal | undefined;
    if (!principal) throw new UnauthorizedException();
    request.principal = principal;

    if (principal.kind === 'api-key') {
      const scopes = policy.scopes ?? [];
      if (!scopes.some((scope) => principal.scopes?.includes(scope))) {
        throw new ForbiddenException(scopes.length ? `Requires an API key with one of the scopes: ${scopes.join(', ')}` : 'API keys may not call this route');
      }
      return true;
    }
    if (policy.roles && !policy.roles.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`Requires one of the roles: ${policy.roles.join(', ')}`);
    }
    return true;
  }
}
