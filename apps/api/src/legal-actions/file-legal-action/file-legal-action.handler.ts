import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { LegalActionCommands } from '../legal-action-commands';
import { FileLegalActionCommand } from './file-legal-action.command';

@CommandHandler(FileLegalActionCommand)
export class FileLegalActionHandler implements ICommandHandler<FileLegalActionCommand> {
  constructor(private readonly legal: LegalActionCommands) {}

  execute({ legalActionId, body, meta }: FileLegalActionCommand): Promise<CommandResult> {
    return this.legal.run(legalActionId, meta, {
      type: 'FileLegalAction',
      data: {
        legalActionId,
        filedOn: body.filedOn,
        docketNumber: body.docketNumber,
        documentSha256: body.documentSha256.toLowerCase(),
        documentUri: body.documentUri ?? null,
      },
    });
  }
}
