import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { validateWebhookRegistration, webhookDecider, webhookStreamId } from '@coalition/domain';
import { APP_CONFIG, AppConfig, checkWebhookAddress } from '@coalition/platform';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { RegisterWebhookCommand } from './register-webhook.command';

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand> {
  constructor(
    private readonly handling: CommandHandling,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ body, meta }: RegisterWebhookCommand): Promise<CommandResult> {
    // Malformed input is refused before any DNS lookup; the address check is a deployment
    // policy, not a business rule, so it is resolved here rather than in the decision.
    validateWebhookRegistration(body);
    await checkWebhookAddress(body.url, this.config.webhookAllowPrivate);
    const webhookId = randomUUID();
    return this.handling.run(webhookDecider, {
      streamId: webhookStreamId(webhookId),
      id: webhookId,
      status: 201,
      meta,
      command: { type: 'RegisterWebhook', data: { webhookId, url: body.url, eventTypes: body.eventTypes, secret: body.secret } },
    });
  }
}
