import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class JoinCompactCommand extends Command<CommandResult> {
  constructor(
    readonly compactId: string,
    readonly closesAt: string | undefined,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
