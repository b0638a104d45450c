import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { userDecider, userStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { hashPassword } from '../password-hasher';
import { RegisteredStates } from '../registered-states';
import { UserAccounts } from '../user-accounts';
import { RegisterUserCommand } from './register-user.command';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly states: RegisteredStates,
  ) {}

  async execute({ body, meta }: RegisterUserCommand): Promise<CommandResult> {
    const userId = UserAccounts.idFor(body.username);
    const stateCode = body.stateCode ?? null;
    return this.handling.run(userDecider, {
      streamId: userStreamId(userId),
      id: userId,
      status: 201,
      meta,
      command: {
        type: 'RegisterUser',
        data: {
          userId,
          username: body.username,
          displayName: body.displayName,
          roles: body.roles,
          stateCode,
          passwordHash: await hashPassword(body.password),
          stateRegistered: stateCode ? await this.states.has(stateCode) : false,
        },
      },
    });
  }
}
