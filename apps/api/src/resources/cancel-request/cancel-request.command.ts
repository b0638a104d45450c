import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class CancelRequestCommand extends Command<CommandResult> {
  constructor(
    readonly requestId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
