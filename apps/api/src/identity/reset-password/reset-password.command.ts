import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class ResetPasswordCommand extends Command<CommandResult> {
  constructor(
    readonly userId: string,
    readonly password: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
