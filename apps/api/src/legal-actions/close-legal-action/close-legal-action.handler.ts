import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { legalActionDecider, legalActionStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { CloseLegalActionCommand } from './close-legal-action.command';

@CommandHandler(CloseLegalActionCommand)
export class CloseLegalActionHandler implements ICommandHandler<CloseLegalActionCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ legalActionId, body, meta }: CloseLegalActionCommand): Promise<CommandResult> {
    return this.handling.run(legalActionDecider, {
      streamId: legalActionStreamId(legalActionId),
      id: legalActionId,
      status: 200,
      meta,
      command: { type: 'CloseLegalAction', data: { legalActionId, outcome: body.outcome, summary: body.summary } },
    });
  }
}
