import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { proposalDecider, proposalStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { CloseProposalCommand } from './close-proposal.command';

@CommandHandler(CloseProposalCommand)
export class CloseProposalHandler implements ICommandHandler<CloseProposalCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ proposalId, meta }: CloseProposalCommand): Promise<CommandResult> {
    return this.handling.run(proposalDecider, {
      streamId: proposalStreamId(proposalId),
      id: proposalId,
      status: 200,
      meta,
      command: { type: 'CloseProposal', data: {} },
    });
  }
}
