import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { FileLegalActionRequest } from './file-legal-action.request.dto';

export class FileLegalActionCommand extends Command<CommandResult> {
  constructor(
    readonly legalActionId: string,
    readonly body: FileLegalActionRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
