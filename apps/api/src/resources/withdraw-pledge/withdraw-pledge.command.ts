import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class WithdrawPledgeCommand extends Command<CommandResult> {
  constructor(
    readonly pledgeId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
