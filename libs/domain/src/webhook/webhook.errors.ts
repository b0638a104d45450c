import { InvalidError, NotFoundError } from '../shared';

export class WebhookNotFound extends NotFoundError {
  readonly code = 'NOT_FOUND';
  constructor(webhookId: string) {
    super(`Webhook ${webhookId} does not exist`);
  }
}

/** A URL that is not http(s), or event types that name nothing Coalition records. */
export class InvalidWebhook extends InvalidError {
  readonly code = 'VALIDATION_FAILED';
}
