import { Database } from '@coalition/platform';
import { Projection } from './projection';

/**
 * Read-your-writes for the api: has every projection processed every event up to `position`?
 * Events reach projections per Kafka partition, so for each partition we find the last event
 * at or below `position` (a loose index scan over the outbox) and compare it to that
 * projection's checkpoint for the partition. An unsent event below `position` means "not yet".
 */
export class CheckpointWaiter {
  constructor(
    private readonly db: Database,
    private readonly projections: readonly Pick<Projection, 'name' | 'topic'>[],
  ) {}

  async reached(position: number): Promise<boolean> {
    const [unsent] = await this.db.query('SELECT 1 FROM outbox WHERE sent_at IS NULL AND position <= $1 LIMIT 1', [position]);
    if (unsent) return false;
    const names = this.projections.map((p) => p.name);
    const topics = this.projections.map((p) => p.topic);
    const [behind] = await this.db.query(
      `WITH RECURSIVE parts(topic, partition) AS (
         SELECT t.topic, (SELECT min(o.partition) FROM outbox o WHERE o.topic = t.topic)
           FROM (SELECT DISTINCT unnest($2::text[]) AS topic) t
         UNION ALL
         SELECT p.topic, (SELECT min(o.partition) FROM outbox o WHERE o.topic = p.topic AND o.partition > p.partition)
           FROM parts p WHERE p.partition IS NOT NULL
       ),
       needed AS (
         SELECT p.topic, p.partition,
                (SELECT max(o.position) FROM outbox o
                  WHERE o.topic = p.topic AND o.partition = p.partition AND o.position <= $1) AS position
           FROM parts p WHERE p.partition IS NOT NULL
       )
       SELECT 1
         FROM unnest($3::text[], $2::text[]) AS pr(name, topic)
         JOIN needed n ON n.topic = pr.topic AND n.position IS NOT NULL
         LEFT JOIN projection_checkpoints c ON c.projection = pr.name AND c.topic = n.topic AND c.partition = n.partition
        WHERE coalesce(c.position, 0) < n.position
        LIMIT 1`,
      [position, topics, names],
    );
    return !behind;
  }

  /** Polls until reached or the time is up; answers whether it was reached. */
  async waitFor(position: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      if (await this.reached(position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, deadline - Date.now()))));
    }
  }
}
