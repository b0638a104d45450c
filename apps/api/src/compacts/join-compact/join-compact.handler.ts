import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compactDecider, compactStreamId, proposalDecider, proposalStreamId } from '@coalition/domain';
import { streamCommand } from '@coalition/event-store';
import { ADMISSION_VOTING_DAYS, admissionProposal, CompactFacts } from '@coalition/read-side';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { actingStateOf } from '../acting-state';
import { JoinCompactCommand } from './join-compact.command';

/**
 * One atomic append over two streams: the compact records the application naming the admission
 * proposal's id, and that proposal opens, decided on the compact as the application leaves it.
 * Both commit or neither does, so no application is ever left without its proposal. The answer
 * (and the Idempotency-Key's record) is the proposal's.
 */
@CommandHandler(JoinCompactCommand)
export class JoinCompactHandler implements ICommandHandler<JoinCompactCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: CompactFacts,
  ) {}

  async execute({ compactId, closesAt, meta }: JoinCompactCommand): Promise<CommandResult> {
    const stateCode = actingStateOf(meta);
    const proposalId = randomUUID();
    const closing = closesAt ? new Date(closesAt).toISOString() : new Date(Date.now() + ADMISSION_VOTING_DAYS * 86_400_000).toISOString();
    const application = streamCommand(
      compactDecider,
      compactStreamId(compactId),
      { type: 'ApplyForMembership', data: { stateCode, proposalId, closesAt: closing } },
      meta.expectedVersion,
    );
    const admission = streamCommand(proposalDecider, proposalStreamId(proposalId), () =>
      admissionProposal(this.facts, { compactId, stateCode, proposalId, closesAt: closing }, application.decided),
    );
    return this.handling.runAll([application, admission], { id: proposalId, status: 201, meta });
  }
}
