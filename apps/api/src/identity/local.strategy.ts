import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { Principal } from '../common/auth/principal';
import { DUMMY_HASH, verifyPassword } from './password-hasher';
import { UserAccounts } from './user-accounts';

/** Username and password. Unknown user and wrong password fail alike, in the same time. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly accounts: UserAccounts) {
    super();
  }

  async validate(username: string, password: string): Promise<Principal> {
    const { state, passwordHash } = await this.accounts.load(UserAccounts.idFor(username));
    const matches = await verifyPassword(password, passwordHash ?? DUMMY_HASH);
    if (!matches || state.status !== 'active') throw new UnauthorizedException('Invalid username or password');
    const { userId: id, roles, stateCode, credentialsVersion } = state;
    return { id, kind: 'user', username: state.username, roles, stateCode, credentialsVersion };
  }
}
