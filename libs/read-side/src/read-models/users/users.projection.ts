import { UserDeactivated, UserRegistered } from '@coalition/domain';
import { TOPICS } from '@coalition/event-store';
import { Projection, projectionOf } from '../../projections/projection';

export const usersProjection: Projection = projectionOf<UserRegistered | UserDeactivated>({
  name: 'users',
  topic: TOPICS.events,
  tables: ['rm_users'],
  eventTypes: ['UserRegistered', 'UserDeactivated'],
  async apply(event, tx) {
    switch (event.type) {
      case 'UserRegistered': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_users (id, username, display_name, roles, state_code, active, created_at)
           VALUES ($1, $2, $3, $4, $5, true, $6) ON CONFLICT (id) DO NOTHING`,
          [d.userId, d.username, d.displayName, d.roles, d.stateCode, event.recordedAt],
        );
        return;
      }
      case 'UserDeactivated':
        await tx.query('UPDATE rm_users SET active = false WHERE id = $1', [event.data.userId]);
        return;
    }
  },
  /** Registrations in one insert, then deactivations in one update: the order they had. */
  async applyBatch(events, tx) {
    const registered = events.flatMap((e) => (e.type === 'UserRegistered' ? [{ data: e.data, at: e.recordedAt }] : []));
    const deactivated = events.flatMap((e) => (e.type === 'UserDeactivated' ? [e.data.userId] : []));
    if (registered.length > 0) {
      await tx.query(
        `INSERT INTO rm_users (id, username, display_name, roles, state_code, active, created_at)
         SELECT id, username, display_name, roles::text[], state_code, true, created_at
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
             AS u(id, username, display_name, roles, state_code, created_at)
         ON CONFLICT (id) DO NOTHING`,
        [
          registered.map((r) => r.data.userId), registered.map((r) => r.data.username), registered.map((r) => r.data.displayName),
          registered.map((r) => `{${r.data.roles.join(',')}}`), registered.map((r) => r.data.stateCode), registered.map((r) => r.at),
        ],
      );
    }
    if (deactivated.length > 0) await tx.query('UPDATE rm_users SET active = false WHERE id = ANY($1::text[])', [deactivated]);
  },
});
