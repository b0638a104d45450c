import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class PayReimbursementCommand extends Command<CommandResult> {
  constructor(
    readonly reimbursementId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
