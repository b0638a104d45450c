import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class SignLegalActionCommand extends Command<CommandResult> {
  constructor(
    readonly legalActionId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
