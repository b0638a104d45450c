import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compactDecider, compactStreamId, proposalDecider, proposalStreamId } from '@coalition/domain';
import { ADMISSION_VOTING_DAYS, admissionProposal, CompactFacts } from '@coalition/read-side';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { actingStateOf } from '../acting-state';
import { JoinCompactCommand } from './join-compact.command';

/**
 * Two appends, made safe by their order and a pre-generated id: first the compact records the
 * application naming the admission proposal's id, then that proposal opens. Should the second
 * never happen (a crash in between), the worker's admission process manager opens the same
 * proposal from the MembershipApplied event; whichever comes second adds nothing. The
 * Idempotency-Key, if any, is recorded with the second append, whose answer the client gets.
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
    await this.handling.run(compactDecider, {
      streamId: compactStreamId(compactId),
      id: compactId,
      status: 201,
      meta: { ...meta, idempotency: undefined },
      command: { type: 'ApplyForMembership', data: { stateCode, proposalId, closesAt: closing } },
    });
    return this.handling.run(proposalDecider, {
      streamId: proposalStreamId(proposalId),
      id: proposalId,
      status: 201,
      meta,
      command: await admissionProposal(this.facts, { compactId, stateCode, proposalId, closesAt: closing }),
    });
  }
}
