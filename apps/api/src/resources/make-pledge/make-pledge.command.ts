import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { MakePledgeRequest } from './make-pledge.request.dto';

export class MakePledgeCommand extends Command<CommandResult> {
  constructor(
    readonly compactId: string,
    readonly body: MakePledgeRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
