import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class ApproveReimbursementCommand extends Command<CommandResult> {
  constructor(
    readonly reimbursementId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
