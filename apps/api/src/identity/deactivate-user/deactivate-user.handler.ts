import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { userDecider, userStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { DeactivateUserCommand } from './deactivate-user.command';

@CommandHandler(DeactivateUserCommand)
export class DeactivateUserHandler implements ICommandHandler<DeactivateUserCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ userId, meta }: DeactivateUserCommand): Promise<CommandResult> {
    return this.handling.run(userDecider, {
      streamId: userStreamId(userId),
      id: userId,
      status: 200,
      meta,
      command: { type: 'DeactivateUser', data: { userId } },
    });
  }
}
