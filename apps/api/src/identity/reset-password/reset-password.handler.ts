import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { userDecider, userStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { hashPassword } from '../password-hasher';
import { ResetPasswordCommand } from './reset-password.command';

@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(private readonly handling: CommandHandling) {}

  async execute({ userId, password, meta }: ResetPasswordCommand): Promise<CommandResult> {
    return this.handling.run(userDecider, {
      streamId: userStreamId(userId),
      id: userId,
      status: 200,
      meta,
      command: { type: 'ResetPassword', data: { userId, passwordHash: await hashPassword(password) } },
    });
  }
}
