import { UserEvent } from '@coalition/domain';
import { Queryable } from '../../database/database';
import { StoredEvent } from '../../event-store/stored-event';
import { TOPICS } from '../../messaging/topics';
import { Projection } from '../../projections/projection';

export const usersProjection: Projection = {
  name: 'users',
  topic: TOPICS.events,
  tables: ['rm_users'],
  eventTypes: new Set<UserEvent['type']>(['UserRegistered', 'UserDeactivated']),
  async apply(stored: StoredEvent, tx: Queryable) {
    const event = stored as unknown as UserEvent;
    switch (event.type) {
      case 'UserRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_users (id, username, display_name, roles, state_code, active, created_at)
           VALUES ($1, $2, $3, $4, $5, true, $6) ON CONFLICT (id) DO NOTHING`,
          [d.userId, d.username, d.displayName, d.roles, d.stateCode, stored.recordedAt],
        );
        return;
      }
      case 'UserDeactivated':
        await tx.query('UPDATE rm_users SET active = false WHERE id = $1', [event.data.userId]);
        return;
    }
  },
};
