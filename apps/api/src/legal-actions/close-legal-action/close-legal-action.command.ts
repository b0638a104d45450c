import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { CloseLegalActionRequest } from './close-legal-action.request.dto';

export class CloseLegalActionCommand extends Command<CommandResult> {
  constructor(
    readonly legalActionId: string,
    readonly body: CloseLegalActionRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
