import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Request } from 'express';
import { ACCESS_POLICY_KEY } from '@coalition/infra';
import { AccessPolicy } from './access.decorator';
import { Principal } from './principal';

const Authenticate = AuthGuard(['jwt']);

/**
 * Global guard: authenticates through passport, then applies the route's declared policy.
 * Per-state scoping ("acts only for its own state") is the domain's job, since only the
 * aggregate knows which state a command concerns; this guard checks roles and key scopes.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private readonly authenticate = new Authenticate();

  constructor(private readonly reflector: Reflector) {}

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
        throw new ForbiddenException('This API key has no scope for this route');
      }
      return true;
    }
    if (policy.roles && !policy.roles.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`Requires one of the roles: ${policy.roles.join(', ')}`);
    }
    return true;
  }
}
