import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { RotateWebhookSecretRequest } from './rotate-webhook-secret.request.dto';

/** The answer carries the new secret: the only time it is ever shown. */
export type RotatedWebhookSecret = CommandResult & { secret?: string; previousSecretExpiresAt: string };

export class RotateWebhookSecretCommand extends Command<RotatedWebhookSecret> {
  constructor(
    readonly webhookId: string,
    readonly body: RotateWebhookSecretRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
