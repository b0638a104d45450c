import { WebhookEvent, WebhookSecretRotated } from '@coalition/domain';
import { TOPICS } from '@coalition/event-store';
import { Projection, projectionOf } from '../../projections/projection';

/**
 * GET /webhooks, and the delivery cursor each new webhook starts with: it receives the events
 * recorded after its registration. The cursor table is worker state the projection only seeds
 * (ON CONFLICT DO NOTHING), so a rebuild never rewinds deliveries.
 */
export const webhooksProjection: Projection = projectionOf<Exclude<WebhookEvent, WebhookSecretRotated>>({
  name: 'webhooks',
  topic: TOPICS.events,
  tables: ['rm_webhooks'],
  eventTypes: ['WebhookRegistered', 'WebhookDisabled', 'WebhookEnabled', 'WebhookDeleted'],
  async apply(event, tx) {
    switch (event.type) {
      case 'WebhookRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_webhooks (id, owner_id, state_code, url, event_types, status, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, 'active', $6, $6) ON CONFLICT (id) DO NOTHING`,
          [d.webhookId, d.ownerId, d.stateCode, d.url, d.eventTypes, event.recordedAt],
        );
        await tx.query(`INSERT INTO webhook_dispatch (webhook_id, position) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [d.webhookId, event.position]);
        return;
      }
      case 'WebhookDisabled':
        await tx.query(`UPDATE rm_webhooks SET status = 'disabled', disabled_reason = $2, updated_at = $3 WHERE id = $1`, [
          event.data.webhookId,
          event.data.reason,
          event.recordedAt,
        ]);
        return;
      case 'WebhookEnabled':
        await tx.query(`UPDATE rm_webhooks SET status = 'active', disabled_reason = NULL, updated_at = $2 WHERE id = $1`, [event.data.webhookId, event.recordedAt]);
        // A fresh series of attempts for the event that was pending when it was disabled.
        await tx.query(`UPDATE webhook_dispatch SET attempts = 0, next_attempt_at = NULL WHERE webhook_id = $1`, [event.data.webhookId]);
        return;
      case 'WebhookDeleted':
        await tx.query(`UPDATE rm_webhooks SET status = 'deleted', updated_at = $2 WHERE id = $1`, [event.data.webhookId, event.recordedAt]);
        return;
    }
  },
});
