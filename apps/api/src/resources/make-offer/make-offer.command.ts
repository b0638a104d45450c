import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { MakeOfferRequest } from './make-offer.request.dto';

export class MakeOfferCommand extends Command<CommandResult> {
  constructor(
    readonly requestId: string,
    readonly body: MakeOfferRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
