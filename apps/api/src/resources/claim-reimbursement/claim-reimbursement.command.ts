import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { ClaimReimbursementRequest } from './claim-reimbursement.request.dto';

export class ClaimReimbursementCommand extends Command<CommandResult> {
  constructor(
    readonly offerId: string,
    readonly body: ClaimReimbursementRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
