import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { RegisterUserRequest } from './register-user.request.dto';

export class RegisterUserCommand extends Command<CommandResult> {
  constructor(
    readonly body: RegisterUserRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
