import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class RevokeApiKeyCommand extends Command<CommandResult> {
  constructor(
    readonly keyId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
