import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { userDecider, UsernameTaken, userStreamId } from '@coalition/domain';
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
    private readonly accounts: UserAccounts,
  ) {}

  async execute({ body, meta }: RegisterUserCommand): Promise<CommandResult> {
    // Refused before the costly hash; the reservation in the append's transaction settles a race.
    if (await this.accounts.idOf(body.username)) throw new UsernameTaken(body.username);
    const userId = UserAccounts.newId();
    const stateCode = body.stateCode ?? null;
    return this.handling.run(userDecider, {
      streamId: userStreamId(userId),
      id: userId,
      status: 201,
      meta,
      withinAppend: (tx) => this.accounts.reserve(tx, body.username, userId),
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
