import { UnauthorizedException } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { userDecider, userStreamId } from '@coalition/domain';
import { CommandHandling } from '../../common/commands/command-handling';
import { problem, ProblemException } from '../../common/http/problem';
import { AuthTokens } from '../auth-tokens';
import { LoginThrottle } from '../login/login-throttle';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../password-hasher';
import { UserAccounts } from '../user-accounts';
import { ChangePasswordCommand, ChangePasswordResult } from './change-password.command';

/**
 * The current password is checked as a login checks it, and counts toward the same per-username
 * throttle (a stolen token must not become an unthrottled password oracle). On success every
 * earlier token of the user stops working, the caller's included, and the caller gets a fresh one.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly accounts: UserAccounts,
    private readonly throttle: LoginThrottle,
    private readonly tokens: AuthTokens,
  ) {}

  async execute({ body, meta }: ChangePasswordCommand): Promise<ChangePasswordResult> {
    const userId = meta.principal.id;
    const { state, passwordHash } = await this.accounts.load(userId);
    const reservation = await this.throttle.reserve(state.status === 'none' ? userId : state.username);
    if ('refusedForSeconds' in reservation) {
      const retryAfter = String(reservation.refusedForSeconds);
      throw new ProblemException(problem(429, 'RATE_LIMITED', 'Too many failed password checks for this username; try again later'), { 'Retry-After': retryAfter });
    }
    if (!(await verifyPassword(body.currentPassword, passwordHash ?? DUMMY_HASH))) throw new UnauthorizedException('The current password is wrong');
    await this.throttle.succeeded(reservation.attempt);

    const result = await this.handling.run(userDecider, {
      streamId: userStreamId(userId),
      id: userId,
      status: 200,
      meta,
      command: { type: 'ChangeOwnPassword', data: { userId, passwordHash: await hashPassword(body.newPassword) } },
    });
    const now = await this.accounts.current(userId);
    if (now.status !== 'active') throw new UnauthorizedException('This account is not active');
    const token = await this.tokens.issue({ ...meta.principal, credentialsVersion: now.credentialsVersion });
    return { ...result, ...token };
  }
}
