import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { RecordDevelopmentRequest } from './record-development.request.dto';

export class RecordDevelopmentCommand extends Command<CommandResult> {
  constructor(
    readonly legalActionId: string,
    readonly body: RecordDevelopmentRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
