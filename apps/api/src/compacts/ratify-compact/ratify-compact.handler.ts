import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compactDecider, compactStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { actingStateOf } from '../acting-state';
import { RatifyCompactCommand } from './ratify-compact.command';

@CommandHandler(RatifyCompactCommand)
export class RatifyCompactHandler implements ICommandHandler<RatifyCompactCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ compactId, body, meta }: RatifyCompactCommand): Promise<CommandResult> {
    return this.handling.run(compactDecider, {
      streamId: compactStreamId(compactId),
      id: compactId,
      status: 200,
      meta,
      command: {
        type: 'RatifyCompact',
        data: { stateCode: actingStateOf(meta), ratification: { kind: body.kind, reference: body.reference, enactedOn: body.enactedOn } },
      },
    });
  }
}
