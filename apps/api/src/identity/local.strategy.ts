import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { Principal } from '../common/auth/principal';
import { PasswordCheck } from './login/password-check';
import { UserAccounts } from './user-accounts';

const UNKNOWN_USER_ID = '00000000-0000-4000-8000-000000000000';

/** Username and password. Unknown user and wrong password fail alike, in the same time (see PasswordCheck). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly check: PasswordCheck,
  ) {
    super();
  }

  async validate(username: string, password: string): Promise<Principal> {
    // An unknown username reads an empty stream, so both failures do the same reads.
    const { state, passwordHash } = await this.accounts.load((await this.accounts.idOf(username)) ?? UNKNOWN_USER_ID);
    const matches = await this.check.matches(password, passwordHash);
    if (!matches || state.status !== 'active') throw new UnauthorizedException('Invalid username or password');
    const { userId: id, roles, stateCode, credentialsVersion } = state;
    return { id, kind: 'user', username: state.username, roles, stateCode, credentialsVersion };
  }
}
