import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class WithdrawOfferCommand extends Command<CommandResult> {
  constructor(
    readonly offerId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
