import { VoteChoice } from '@coalition/domain';
import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class CastVoteCommand extends Command<CommandResult> {
  constructor(
    readonly proposalId: string,
    readonly choice: VoteChoice,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
