import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Request, Response } from 'express';
import { strictValidationPipe } from '../../common/http/validation.pipe';
import { problem, ProblemException } from '../../common/http/problem';
import { LoginThrottle } from './login-throttle';
import { LoginRequest } from './login.request.dto';

/**
 * Validates the body strictly (400 for a malformed one), reserves an attempt with the login
 * throttle (429 once the username's window is spent), then lets passport's local strategy
 * check the password; only a success gives the attempt back.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly pipe = strictValidationPipe();

  constructor(private readonly throttle: LoginThrottle) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const body = (await this.pipe.transform(request.body, { type: 'body', metatype: LoginRequest })) as LoginRequest;
    const reservation = await this.throttle.reserve(body.username);
    if ('refusedForSeconds' in reservation) {
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(reservation.refusedForSeconds));
      throw new ProblemException(problem(429, 'RATE_LIMITED', 'Too many failed logins for this username; try again later'));
    }
    const authenticated = (await super.canActivate(context)) as boolean;
    await this.throttle.succeeded(reservation.attempt);
    return authenticated;
  }
}
