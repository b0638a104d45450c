import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class DeclineOfferCommand extends Command<CommandResult> {
  constructor(
    readonly offerId: string,
    readonly reason: string | undefined,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
