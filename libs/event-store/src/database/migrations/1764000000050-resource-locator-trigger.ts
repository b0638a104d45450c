import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resource locator is kept by the database itself: a trigger on `events`, fired only for
 * resource-pool rows (its WHEN clause is checked in C, so other appends pay nothing), indexes
 * the ids that pledges, requests, offers and reimbursement claims create. Same transaction as
 * the append, so an id is locatable exactly when its event exists, as before; but inside
 * PostgreSQL instead of one round trip per command from the api (the pledge benchmark spent a
 * fifth of the api's CPU submitting queries, see docs/BENCHMARKS.md).
 */
export class ResourceLocatorTrigger1764000000050 implements MigrationInterface {
  name = 'ResourceLocatorTrigger1764000000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION events_locate_resource() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kind text := CASE NEW.type WHEN 'PledgeMade' THEN 'pledge' WHEN 'RequestMade' THEN 'request' WHEN 'OfferMade' THEN 'offer' END;
      BEGIN
        IF kind IS NOT NULL THEN
          INSERT INTO resource_locator (id, kind, stream_id, compact_id, resource_type, state_code)
          VALUES (NEW.data->>(kind || 'Id'), kind, NEW.stream_id, NEW.data->>'compactId', NEW.data->>'resourceType', NEW.data->>'stateCode');
        ELSIF NEW.type = 'ReimbursementClaimed' THEN
          -- A claim lives where its offer does.
          INSERT INTO resource_locator (id, kind, stream_id, compact_id, resource_type, state_code)
          SELECT NEW.data->>'reimbursementId', 'reimbursement', o.stream_id, o.compact_id, o.resource_type, NEW.data->>'stateCode'
            FROM resource_locator o WHERE o.id = NEW.data->>'offerId' AND o.kind = 'offer';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER events_locate_resource AFTER INSERT ON events
      FOR EACH ROW WHEN (NEW.stream_type = 'resource-pool')
      EXECUTE FUNCTION events_locate_resource()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER events_locate_resource ON events`);
    await q.query(`DROP FUNCTION events_locate_resource`);
  }
}
