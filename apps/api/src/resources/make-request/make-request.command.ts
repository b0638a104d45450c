import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { MakeRequestRequest } from './make-request.request.dto';

export class MakeRequestCommand extends Command<CommandResult> {
  constructor(
    readonly compactId: string,
    readonly body: MakeRequestRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
