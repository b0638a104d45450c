import { randomBytes } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { STANDARD_SECRET_PREFIX, webhookDecider, webhookStreamId } from '@coalition/domain';
import { CommandHandling } from '../../common/commands/command-handling';
import { RotatedWebhookSecret, RotateWebhookSecretCommand } from './rotate-webhook-secret.command';
import { DEFAULT_SECRET_GRACE_SECONDS } from './rotate-webhook-secret.request.dto';

/** 32 random bytes in the Standard Webhooks form (`whsec_` + base64), which its libraries take as they are. */
const mintSecret = (): string => `${STANDARD_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(private readonly handling: CommandHandling) {}

  async execute({ webhookId, body, meta }: RotateWebhookSecretCommand): Promise<RotatedWebhookSecret> {
    const secret = mintSecret();
    const gracePeriodSeconds = body.gracePeriodSeconds ?? DEFAULT_SECRET_GRACE_SECONDS;
    const startedAt = Date.now();
    const result = await this.handling.run(webhookDecider, {
      streamId: webhookStreamId(webhookId),
      id: webhookId,
      status: 201,
      meta,
      command: { type: 'RotateWebhookSecret', data: { webhookId, secret, gracePeriodSeconds } },
    });
    // The stored answer (an Idempotency-Key replay) holds neither the secret nor this estimate.
    const previousSecretExpiresAt = new Date(startedAt + gracePeriodSeconds * 1000).toISOString();
    return { ...result, secret, previousSecretExpiresAt };
  }
}
