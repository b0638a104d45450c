import { MemberStateEvent } from '@coalition/domain';
import { Queryable } from '../../database/database';
import { StoredEvent } from '../../event-store/stored-event';
import { TOPICS } from '../../messaging/topics';
import { Projection } from '../../projections/projection';

export const memberStatesProjection: Projection = {
  name: 'member-states',
  topic: TOPICS.events,
  tables: ['rm_member_states'],
  eventTypes: new Set<MemberStateEvent['type']>(['StateRegistered', 'PopulationChanged']),
  async apply(stored: StoredEvent, tx: Queryable) {
    const event = stored as unknown as MemberStateEvent;
    switch (event.type) {
      case 'StateRegistered':
        await tx.query(
          `INSERT INTO rm_member_states (code, name, population) VALUES ($1, $2, $3)
           ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, population = EXCLUDED.population`,
          [event.data.code, event.data.name, event.data.population],
        );
        return;
      case 'PopulationChanged':
        await tx.query('UPDATE rm_member_states SET population = $2 WHERE code = $1', [event.data.code, event.data.population]);
        return;
    }
  },
};
