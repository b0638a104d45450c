import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { OpenLegalActionRequest } from './open-legal-action.request.dto';

export class OpenLegalActionCommand extends Command<CommandResult> {
  constructor(
    readonly body: OpenLegalActionRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
