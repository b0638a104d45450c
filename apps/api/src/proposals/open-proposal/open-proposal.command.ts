import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { OpenProposalRequest } from './open-proposal.request.dto';

export class OpenProposalCommand extends Command<CommandResult> {
  constructor(
    readonly compactId: string,
    readonly body: OpenProposalRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
