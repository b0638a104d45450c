import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { EnableWebhookCommand } from './enable-webhook.command';

@CommandHandler(EnableWebhookCommand)
export class EnableWebhookHandler implements ICommandHandler<EnableWebhookCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ webhookId, meta }: EnableWebhookCommand): Promise<CommandResult> {
    return this.handling.run(webhookDecider, {
      streamId: webhookStreamId(webhookId),
      id: webhookId,
      status: 200,
      meta,
      command: { type: 'EnableWebhook', data: { webhookId } },
    });
  }
}
