import { ApiKeyEvent, ApiKeyIssued } from '@coalition/domain';
import { StoredEvent, TOPICS } from '@coalition/event-store';
import { Projection, projectionOf } from '../../projections/projection';

/** Who issued a key: recorded on the event since it was added, before that the event's actor. */
export const apiKeyIssuer = (issued: StoredEvent<ApiKeyIssued>): string => issued.data.issuedBy ?? issued.metadata.actor.id;

/** The listing of API keys. It never holds the key or its hash. */
export const apiKeysProjection: Projection = projectionOf<ApiKeyEvent>({
  name: 'api-keys',
  topic: TOPICS.events,
  tables: ['rm_api_keys'],
  eventTypes: ['ApiKeyIssued', 'ApiKeyRevoked'],
  async apply(event, tx) {
    switch (event.type) {
      case 'ApiKeyIssued': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_api_keys (id, name, state_code, scopes, created_at, expires_at, issued_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
          [d.keyId, d.name, d.stateCode, d.scopes, event.recordedAt, d.expiresAt, apiKeyIssuer(event)],
        );
        return;
      }
      case 'ApiKeyRevoked':
        await tx.query('UPDATE rm_api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [event.data.keyId, event.recordedAt]);
        return;
    }
  },
});
