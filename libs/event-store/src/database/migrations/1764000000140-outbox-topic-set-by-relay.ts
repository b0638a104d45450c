import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event store no longer knows topic names: an outbox row is written with no topic, and the
 * relay records the topic it published to (with the partition) when it marks the row sent. Rows
 * written before keep the topic they were given, which is the one the relay would choose.
 */
export class OutboxTopicSetByRelay1764000000140 implements MigrationInterface {
  name = 'OutboxTopicSetByRelay1764000000140';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ALTER COLUMN topic DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE outbox o SET topic = CASE e.stream_type WHEN 'legal-action' THEN 'coalition.legal.v1' ELSE 'coalition.events.v1' END
                     FROM events e WHERE e.position = o.position AND o.topic IS NULL`);
    await q.query(`ALTER TABLE outbox ALTER COLUMN topic SET NOT NULL`);
  }
}
