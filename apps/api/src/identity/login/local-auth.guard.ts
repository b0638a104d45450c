import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@coalition/platform';
import { AuthGuard } from '@nestjs/passport';
import { Request, Response } from 'express';
import { strictValidationPipe } from '../../common/http/validation.pipe';
import { problem, ProblemException } from '../../common/http/problem';
import { LoginThrottle, Reservation } from './login-throttle';
import { HashingBusy } from './password-check';
import { LoginRequest } from './login.request.dto';

/**
 * Validates the body strictly (400 for a malformed one), reserves an attempt with the login
 * throttle for the client address and for the username (429 once either window is spent), then
 * lets passport's local strategy check the password (PasswordCheck: 429 at once when too many
 * checks are already running and waiting); only a success or an unchecked attempt gives the
 * attempts back.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly pipe = strictValidationPipe();

  private readonly addressLimit: number;

  constructor(
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.addressLimit = config.login.addressFailureLimit;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const body = (await this.pipe.transform(request.body, { type: 'body', metatype: LoginRequest })) as LoginRequest;
    const response = context.switchToHttp().getResponse<Response>();
    const refuse = (seconds: number, detail: string): never => {
      response.setHeader('Retry-After', String(seconds));
      throw new ProblemException(problem(429, 'RATE_LIMITED', detail));
    };
    const fromAddress = await this.throttle.reserveForAddress(request.ip ?? 'unknown', this.addressLimit);
    if ('refusedForSeconds' in fromAddress) refuse(fromAddress.refusedForSeconds, 'Too many failed logins from this address; try again later');
    const forUsername: Reservation = await this.throttle.reserve(body.username);
    if ('refusedForSeconds' in forUsername) refuse(forUsername.refusedForSeconds, 'Too many failed logins for this username; try again later');
    const giveBack = async () => {
      for (const reservation of [fromAddress, forUsername]) if ('attempt' in reservation) await this.throttle.succeeded(reservation.attempt);
    };
    const checked = await (super.canActivate(context) as Promise<boolean>).catch(async (error: unknown) => {
      if (!(error instanceof HashingBusy)) throw error;
      // Not checked, so no failure: the attempts are given back.
      await giveBack();
      return refuse(1, 'Too many logins are being checked; try again in a moment');
    });
    await giveBack();
    return checked;
  }
}
