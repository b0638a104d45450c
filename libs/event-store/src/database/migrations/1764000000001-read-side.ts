import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read-side plumbing: projection checkpoints, the partitions the relay has used, deadlines, dead letters. */
export class ReadSide1764000000001 implements MigrationInterface {
  name = 'ReadSide1764000000001';

  async up(q: QueryRunner): Promise<void> {
    // One row per projection and topic partition: Kafka only orders within a partition, so a
    // single global checkpoint would skip events that arrive late from another partition.
    await q.query(`
      CREATE TABLE projection_checkpoints (
        projection  text NOT NULL,
        topic       text NOT NULL,
        partition   integer NOT NULL,
        position    bigint NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, topic, partition)
      )`);
    await q.query(`
      CREATE TABLE deadlines (
        id         text PRIMARY KEY,
        kind       text NOT NULL,
        due_at     timestamptz NOT NULL,
        payload    jsonb NOT NULL,
        attempts   integer NOT NULL DEFAULT 0,
        claimed_until timestamptz,
        last_error text,
        fired_at   timestamptz
      )`);
    await q.query(`CREATE INDEX deadlines_due ON deadlines (due_at) WHERE fired_at IS NULL`);
    await q.query(`
      CREATE TABLE dead_letters (
        id          bigserial PRIMARY KEY,
        consumer    text NOT NULL,
        topic       text NOT NULL,
        partition   integer NOT NULL,
        position    bigint,
        event_id    text,
        error       text NOT NULL,
        payload     jsonb,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dead_letters`);
    await q.query(`DROP TABLE deadlines`);
    await q.query(`DROP TABLE projection_checkpoints`);
  }
}
