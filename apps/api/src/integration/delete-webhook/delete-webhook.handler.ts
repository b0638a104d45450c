import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { webhookDecider, webhookStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { DeleteWebhookCommand } from './delete-webhook.command';

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ webhookId, meta }: DeleteWebhookCommand): Promise<CommandResult> {
    return this.handling.run(webhookDecider, {
      streamId: webhookStreamId(webhookId),
      id: webhookId,
      status: 200,
      meta,
      command: { type: 'DeleteWebhook', data: { webhookId } },
    });
  }
}
