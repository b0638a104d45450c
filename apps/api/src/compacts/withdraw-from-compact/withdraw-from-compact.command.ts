import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class WithdrawFromCompactCommand extends Command<CommandResult> {
  constructor(
    readonly compactId: string,
    readonly reason: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
