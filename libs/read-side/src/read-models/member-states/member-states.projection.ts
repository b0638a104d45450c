import { MemberStateEvent } from '@coalition/domain';
import { TOPICS } from '@coalition/event-store';
import { Projection, projectionOf } from '../../projections/projection';

export const memberStatesProjection: Projection = projectionOf<MemberStateEvent>({
  name: 'member-states',
  topic: TOPICS.events,
  tables: ['rm_member_states'],
  eventTypes: ['StateRegistered', 'PopulationChanged'],
  async apply(event, tx) {
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
  /** Folds the batch to each state's last row first: one upsert and one update, whatever the count. */
  async applyBatch(events, tx) {
    const latest = new Map<string, { name?: string; population: number }>();
    for (const event of events) {
      switch (event.type) {
        case 'StateRegistered':
          latest.set(event.data.code, { name: event.data.name, population: event.data.population });
          break;
        case 'PopulationChanged':
          latest.set(event.data.code, { name: latest.get(event.data.code)?.name, population: event.data.population });
          break;
      }
    }
    const registered = [...latest].filter(([, row]) => row.name !== undefined);
    const changed = [...latest].filter(([, row]) => row.name === undefined);
    if (registered.length > 0) {
      await tx.query(
        `INSERT INTO rm_member_states (code, name, population) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, population = EXCLUDED.population`,
        [registered.map(([code]) => code), registered.map(([, row]) => row.name), registered.map(([, row]) => row.population)],
      );
    }
    if (changed.length > 0) {
      await tx.query(
        `UPDATE rm_member_states m SET population = c.population FROM unnest($1::text[], $2::bigint[]) AS c(code, population) WHERE m.code = c.code`,
        [changed.map(([code]) => code), changed.map(([, row]) => row.population)],
      );
    }
  },
});
