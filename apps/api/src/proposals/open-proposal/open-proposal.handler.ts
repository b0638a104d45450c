import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { proposalDecider, proposalStreamId, VotingRule } from '@coalition/domain';
import { CompactFacts } from '@coalition/read-side';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { actingStateOf } from '../../compacts/acting-state';
import { OpenProposalCommand } from './open-proposal.command';

/**
 * The compact's membership and rule, and the ratified states' populations, are read from
 * their streams now and passed in: the proposal freezes its electorate from them.
 */
@CommandHandler(OpenProposalCommand)
export class OpenProposalHandler implements ICommandHandler<OpenProposalCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: CompactFacts,
  ) {}

  async execute({ compactId, body, meta }: OpenProposalCommand): Promise<CommandResult> {
    const proposalId = randomUUID();
    const { compact, populations } = await this.facts.forProposal(compactId);
    const rule = body.amendment?.votingRule;
    return this.handling.run(proposalDecider, {
      streamId: proposalStreamId(proposalId),
      id: proposalId,
      status: 201,
      meta,
      command: {
        type: 'OpenProposal',
        data: {
          proposalId,
          compactId,
          kind: body.kind,
          title: body.title,
          text: body.text,
          closesAt: body.closesAt,
          proposedBy: actingStateOf(meta),
          ...(body.amendment
            ? {
                amendment: {
                  ...(body.amendment.charterText !== undefined ? { charterText: body.amendment.charterText } : {}),
                  ...(rule ? { votingRule: { method: rule.method, quorum: rule.quorum, threshold: rule.threshold } satisfies VotingRule } : {}),
                },
              }
            : {}),
          compact,
          populations,
        },
      },
    });
  }
}
