import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class WithdrawSignatureCommand extends Command<CommandResult> {
  constructor(
    readonly legalActionId: string,
    readonly stateCode: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
