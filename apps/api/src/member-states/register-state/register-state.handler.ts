import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { memberStateDecider, memberStateStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { RegisterStateCommand } from './register-state.command';

@CommandHandler(RegisterStateCommand)
export class RegisterStateHandler implements ICommandHandler<RegisterStateCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ body, meta }: RegisterStateCommand): Promise<CommandResult> {
    return this.handling.run(memberStateDecider, {
      streamId: memberStateStreamId(body.code),
      id: body.code,
      status: 201,
      meta,
      command: { type: 'RegisterState', data: { code: body.code, name: body.name, population: body.population } },
    });
  }
}
