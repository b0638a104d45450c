import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { legalActionDecider, legalActionStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { SignLegalActionCommand } from './sign-legal-action.command';

@CommandHandler(SignLegalActionCommand)
export class SignLegalActionHandler implements ICommandHandler<SignLegalActionCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ legalActionId, meta }: SignLegalActionCommand): Promise<CommandResult> {
    return this.handling.run(legalActionDecider, {
      streamId: legalActionStreamId(legalActionId),
      id: legalActionId,
      status: 200,
      meta,
      command: { type: 'SignLegalAction', data: { legalActionId } },
    });
  }
}
