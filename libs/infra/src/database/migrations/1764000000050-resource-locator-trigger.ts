import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resource locator is kept by the database itself: a statement trigger on `events` reads
 * the rows just appended (a transition table) and indexes the ids that pledges, requests,
 * offers and reimbursement claims create. Same transaction as the append, so an id is
 * locatable exactly when its event exists, as before; but one statement per append batch
 * inside PostgreSQL instead of one round trip per command from the api (the pledge benchmark
 * spent a fifth of the api's CPU submitting queries, see docs/BENCHMARKS.md).
 */
export class ResourceLocatorTrigger1764000000050 implements MigrationInterface {
  name = 'ResourceLocatorTrigger1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION events_locate_resources() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO resource_locator (id, kind, stream_id, compact_id, resource_type, state_code)
        SELECT e.data->>k.id_field, k.kind, e.stream_id, e.data->>'compactId', e.data->>'resourceType', e.data->>'stateCode'
          FROM appended e
          JOIN (VALUES ('PledgeMade', 'pledgeId', 'pledge'), ('RequestMade', 'requestId', 'request'), ('OfferMade', 'offerId', 'offer'))
            AS k(type, id_field, kind) ON k.type = e.type
         WHERE e.stream_type = 'resource-pool'
         ORDER BY e.position;
        -- A claim lives where its offer does.
        INSERT INTO resource_locator (id, kind, stream_id, compact_id, resource_type, state_code)
        SELECT e.data->>'reimbursementId', 'reimbursement', o.stream_id, o.compact_id, o.resource_type, e.data->>'stateCode'
          FROM appended e
          JOIN resource_locator o ON o.id = e.data->>'offerId' AND o.kind = 'offer'
         WHERE e.stream_type = 'resource-pool' AND e.type = 'ReimbursementClaimed'
         ORDER BY e.position;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER events_locate_resources AFTER INSERT ON events
      REFERENCING NEW TABLE AS appended
      FOR EACH STATEMENT EXECUTE FUNCTION events_locate_resources()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER events_locate_resources ON events`);
    await q.query(`DROP FUNCTION events_locate_resources`);
  }
}
