import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class ChangePopulationCommand extends Command<CommandResult> {
  constructor(
    readonly code: string,
    readonly population: number,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
