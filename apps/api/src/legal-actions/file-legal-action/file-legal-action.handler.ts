import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { legalActionDecider, legalActionStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { FileLegalActionCommand } from './file-legal-action.command';

@CommandHandler(FileLegalActionCommand)
export class FileLegalActionHandler implements ICommandHandler<FileLegalActionCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ legalActionId, body, meta }: FileLegalActionCommand): Promise<CommandResult> {
    return this.handling.run(legalActionDecider, {
      streamId: legalActionStreamId(legalActionId),
      id: legalActionId,
      status: 200,
      meta,
      command: {
        type: 'FileLegalAction',
        data: {
          legalActionId,
          filedOn: body.filedOn,
          docketNumber: body.docketNumber,
          documentSha256: body.documentSha256.toLowerCase(),
          documentUri: body.documentUri ?? null,
        },
      },
    });
  }
}
