import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class CloseProposalCommand extends Command<CommandResult> {
  constructor(
    readonly proposalId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
