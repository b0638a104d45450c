import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { RegisterStateRequest } from './register-state.request.dto';

export class RegisterStateCommand extends Command<CommandResult> {
  constructor(
    readonly body: RegisterStateRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
