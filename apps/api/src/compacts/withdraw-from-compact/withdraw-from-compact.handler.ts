import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compactDecider, compactStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { actingStateOf } from '../acting-state';
import { WithdrawFromCompactCommand } from './withdraw-from-compact.command';

/** Gives notice; the worker's deadline makes the withdrawal take effect at `effectiveAt`. */
@CommandHandler(WithdrawFromCompactCommand)
export class WithdrawFromCompactHandler implements ICommandHandler<WithdrawFromCompactCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ compactId, reason, meta }: WithdrawFromCompactCommand): Promise<CommandResult> {
    return this.handling.run(compactDecider, {
      streamId: compactStreamId(compactId),
      id: compactId,
      status: 200,
      meta,
      command: { type: 'WithdrawFromCompact', data: { stateCode: actingStateOf(meta), reason } },
    });
  }
}
