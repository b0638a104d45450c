import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The write side: the append-only event log with its hash chain, the outbox beside it, and
 * the idempotency record of commands. Positions are assigned under a transaction-scoped
 * advisory lock (see event-store.ts), so `position` is a plain bigint, not a sequence.
 */
export class EventStore1764000000000 implements MigrationInterface {
  name = 'EventStore1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        position        bigint PRIMARY KEY,
        event_id        uuid NOT NULL UNIQUE,
        stream_id       text NOT NULL,
        stream_type     text NOT NULL,
        version         integer NOT NULL CHECK (version >= 1),
        type            text NOT NULL,
        schema_version  integer NOT NULL DEFAULT 1,
        data            jsonb NOT NULL,
        metadata        jsonb NOT NULL,
        recorded_at     timestamptz NOT NULL,
        prev_hash       char(64) NOT NULL,
        hash            char(64) NOT NULL,
        CONSTRAINT events_stream_version UNIQUE (stream_id, version)
      )`);
    await q.query(`CREATE INDEX events_type_position ON events (type, position)`);
    await q.query(`CREATE INDEX events_recorded_at ON events (recorded_at)`);
    await q.query(`CREATE INDEX events_actor_state ON events ((metadata->'actor'->>'stateCode'), position)`);
    await q.query(`CREATE INDEX events_actor_id ON events ((metadata->'actor'->>'id'), position)`);
    // Nothing is ever updated or deleted: refuse it at the database too. An owner can still
    // disable the trigger, which is exactly what the hash chain exists to catch.
    await q.query(`
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_append_only()`);

    await q.query(`
      CREATE TABLE outbox (
        position   bigint PRIMARY KEY REFERENCES events(position),
        topic      text NOT NULL,
        partition  integer,
        sent_at    timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unsent ON outbox (position) WHERE sent_at IS NULL`);
    await q.query(`CREATE INDEX outbox_topic_partition ON outbox (topic, partition, position)`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        principal_id  text NOT NULL,
        key           text NOT NULL,
        request_hash  char(64) NOT NULL,
        status        integer NOT NULL,
        response      jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE events`);
    await q.query(`DROP FUNCTION events_append_only`);
  }
}
