import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';

export class EnableWebhookCommand extends Command<CommandResult> {
  constructor(
    readonly webhookId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
