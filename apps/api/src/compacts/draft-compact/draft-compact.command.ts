import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { DraftCompactRequest } from './draft-compact.request.dto';

export class DraftCompactCommand extends Command<CommandResult> {
  constructor(
    readonly body: DraftCompactRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
