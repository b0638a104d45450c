import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { proposalDecider, proposalExists, proposalStreamId } from '@coalition/domain';
import { CompactFacts } from '@coalition/read-side';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { actingStateOf } from '../../compacts/acting-state';
import { CastVoteCommand } from './cast-vote.command';

/** Reads which compact the proposal belongs to and that compact's status: a dissolved compact takes no votes. */
@CommandHandler(CastVoteCommand)
export class CastVoteHandler implements ICommandHandler<CastVoteCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: CompactFacts,
  ) {}

  async execute({ proposalId, choice, meta }: CastVoteCommand): Promise<CommandResult> {
    const { state: proposal } = await this.facts.proposal(proposalId);
    const compactStatus = proposalExists(proposal) ? (await this.facts.compact(proposal.compactId)).state.status : 'none';
    return this.handling.run(proposalDecider, {
      streamId: proposalStreamId(proposalId),
      id: proposalId,
      status: 200,
      meta,
      command: { type: 'CastVote', data: { stateCode: actingStateOf(meta), choice, compactStatus } },
    });
  }
}
