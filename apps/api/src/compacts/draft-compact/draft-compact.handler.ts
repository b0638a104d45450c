import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compactDecider, compactStreamId } from '@coalition/domain';
import { CompactFacts } from '@coalition/read-side';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { DraftCompactCommand } from './draft-compact.command';

export const DEFAULT_MIN_RATIFICATIONS = 2;
export const DEFAULT_WITHDRAWAL_NOTICE_DAYS = 0;

@CommandHandler(DraftCompactCommand)
export class DraftCompactHandler implements ICommandHandler<DraftCompactCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: CompactFacts,
  ) {}

  async execute({ body, meta }: DraftCompactCommand): Promise<CommandResult> {
    const compactId = randomUUID();
    return this.handling.run(compactDecider, {
      streamId: compactStreamId(compactId),
      id: compactId,
      status: 201,
      meta,
      command: {
        type: 'DraftCompact',
        data: {
          compactId,
          title: body.title,
          purpose: body.purpose,
          charterText: body.charter.text,
          votingRule: { method: body.votingRule.method, quorum: body.votingRule.quorum, threshold: body.votingRule.threshold },
          foundingStates: body.foundingStates,
          minRatifications: body.minRatifications ?? DEFAULT_MIN_RATIFICATIONS,
          withdrawalNoticeDays: body.withdrawalNoticeDays ?? DEFAULT_WITHDRAWAL_NOTICE_DAYS,
          unregisteredStates: await this.facts.unregistered(body.foundingStates),
        },
      },
    });
  }
}
