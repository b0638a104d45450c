import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Request } from 'express';
import { strictValidationPipe } from '../../common/http/validation.pipe';
import { LoginRequest } from './login.request.dto';

/** Validates the body strictly (400 for a malformed one) before passport's local strategy checks it. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly pipe = strictValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    await this.pipe.transform(request.body, { type: 'body', metatype: LoginRequest });
    return (await super.canActivate(context)) as boolean;
  }
}
