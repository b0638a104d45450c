import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { RatifyCompactRequest } from './ratify-compact.request.dto';

export class RatifyCompactCommand extends Command<CommandResult> {
  constructor(
    readonly compactId: string,
    readonly body: RatifyCompactRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
