import { Module } from '@nestjs/common';
import { Database } from '@coalition/platform';
import { WebhooksRepository } from '@coalition/read-side';
import { AsyncApiDocumentController } from './asyncapi-document/asyncapi-document.http.controller';
import { DeleteWebhookHandler } from './delete-webhook/delete-webhook.handler';
import { DeleteWebhookController } from './delete-webhook/delete-webhook.http.controller';
import { EnableWebhookHandler } from './enable-webhook/enable-webhook.handler';
import { EnableWebhookController } from './enable-webhook/enable-webhook.http.controller';
import { EventFeedController } from './event-feed/event-feed.http.controller';
import { ListWebhookDeliveriesController } from './list-webhook-deliveries/list-webhook-deliveries.http.controller';
import { ListWebhooksController } from './list-webhooks/list-webhooks.http.controller';
import { ReadProblemPageController } from './read-problem-page/read-problem-page.http.controller';
import { RotateWebhookSecretHandler } from './rotate-webhook-secret/rotate-webhook-secret.handler';
import { RotateWebhookSecretController } from './rotate-webhook-secret/rotate-webhook-secret.http.controller';
import { RegisterWebhookHandler } from './register-webhook/register-webhook.handler';
import { RegisterWebhookController } from './register-webhook/register-webhook.http.controller';

/** For agency systems: the pull feed, webhooks, the AsyncAPI description of the Kafka topics, and the pages problem types point at. */
@Module({
  controllers: [
    EventFeedController,
    RegisterWebhookController,
    ListWebhooksController,
    DeleteWebhookController,
    EnableWebhookController,
    RotateWebhookSecretController,
    ListWebhookDeliveriesController,
    AsyncApiDocumentController,
    ReadProblemPageController,
  ],
  providers: [
    { provide: WebhooksRepository, useFactory: (db: Database) => new WebhooksRepository(db), inject: [Database] },
    RegisterWebhookHandler,
    DeleteWebhookHandler,
    EnableWebhookHandler,
    RotateWebhookSecretHandler,
  ],
})
export class IntegrationModule {}
