import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { RegisterWebhookRequest } from './register-webhook.request.dto';

export class RegisterWebhookCommand extends Command<CommandResult> {
  constructor(
    readonly body: RegisterWebhookRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
