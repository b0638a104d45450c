import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { Strategy } from 'passport-custom';
import { Principal } from '../../common/auth/principal';
import { ApiKeyCredentials } from './api-key-credentials';

/** `X-API-Key: <key>` for agency systems. No header, or a key that does not authenticate, lets the next strategy try. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly credentials: ApiKeyCredentials) {
    super();
  }

  async validate(request: Request): Promise<Principal | null> {
    const key = request.header('x-api-key');
    if (!key) return null;
    return (await this.credentials.authenticate(key.trim(), new Date())) ?? null;
  }
}
