import { BackoffLoop, Database, LoopStatus } from '@coalition/platform';
import { eventColumnsOf, toStoredEvent } from '../store/stored-event';
import { EventPublisher, OutgoingEvent } from './event-transport';
import { topicForStreamType } from './topics';
import { RelayLeadership } from './relay-leadership';

export interface RelayOptions {
  batchSize: number;
  intervalMs: number;
}

export interface RelayObserver {
  published?(count: number): void;
  backlog?(count: number): void;
  failed?(error: unknown): void;
}

/**
 * Publishes outbox rows in position order and marks them sent. A failed publish leaves the
 * rows unsent and backs off, so Kafka being down never fails a command: the outbox just
 * grows and drains when the broker returns. Delivery is at least once (a crash between
 * publish and mark re-sends a batch); consumers are idempotent by position. Routing is the
 * relay's alone: it picks each event's topic from its stream type (`topicForStreamType`) and
 * records it with the partition when it marks the row sent.
 */
export class OutboxRelay {
  private readonly loop: BackoffLoop;
  /** Every position up to here is known to be published. */
  private cursor?: number;
  /** The batch after the cursor, read while the previous one was being published. */
  private ahead?: { cursor: number; rows: Record<string, unknown>[] };
  /** The previous batch's mark as sent, still running while the next batch is sent. */
  private marking?: Promise<void>;

  constructor(
    private readonly db: Database,
    private readonly publisher: EventPublisher,
    private readonly options: RelayOptions,
    private readonly observer: RelayObserver = {},
    status: LoopStatus = new LoopStatus('relay'),
    /** Several workers: only the leader's relay publishes (see RelayLeadership); none: this one always does. */
    private readonly leadership?: RelayLeadership,
  ) {
    // A full batch means more is waiting: publish the next at once. A failure (Kafka or the
    // database down) backs off and tries again; nothing is lost, the outbox just grows.
    this.loop = new BackoffLoop(async () => (await this.mayPublish()) && (await this.drainOnce(true)) === this.options.batchSize, {
      idleMs: options.intervalMs,
      status,
      what: 'outbox publish',
      onFailure: (error) => this.observer.failed?.(error),
    }, OutboxRelay.name);
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.settle().catch(() => undefined);
    await this.leadership?.release();
  }

  /** Whether this relay is the one publishing (always, without leadership). */
  get isLeader(): boolean {
    return this.leadership?.isLeader ?? true;
  }

  /** With leadership: whether this relay leads now. A relay that has just become leader starts from the oldest unsent row. */
  private async mayPublish(): Promise<boolean> {
    if (!this.leadership) return true;
    const was = this.leadership.isLeader;
    const leads = await this.leadership.acquire();
    if (leads && !was) {
      this.cursor = undefined;
      this.ahead = undefined;
    }
    return leads;
  }

  /** Ask for a drain now (after a local append) instead of at the next poll. */
  nudge(): void {
    this.loop.nudge();
  }

  /**
   * Publishes one batch; answers how many events went out. While a backlog drains, the mark
   * of one batch as sent runs during the send of the next (sends stay strictly in order);
   * the next call, or the last one of a drain, waits for it. If a mark fails, the relay finds
   * the oldest unsent row again and re-sends from there: delivery is at least once anyway.
   *
   * The relay's own loop also leaves the last mark running (`markInBackground`): under a
   * steady trickle of appends it starts the next batch without waiting for that round trip,
   * which took a third of each cycle (3 of 9 ms at 1 300 events/s); the next call, or `stop`,
   * waits for it.
   */
  async drainOnce(markInBackground = false): Promise<number> {
    try {
      return await this.publishNext(markInBackground);
    } catch (error) {
      this.cursor = undefined;
      this.ahead = undefined;
      await this.settle().catch(() => undefined);
      throw error;
    }
  }

  private async publishNext(markInBackground: boolean): Promise<number> {
    const ahead = this.ahead;
    this.ahead = undefined;
    let rows = this.cursor === undefined ? [] : ahead?.cursor === this.cursor ? ahead.rows : await this.unsentAfter(this.cursor);
    if (rows.length === 0) {
      await this.settle();
      // Find where the unsent rows start: at the first drain, and whenever the range after
      // the cursor is empty (nothing new, or another relay has published past it).
      const [first] = await this.db.query<{ position: string | null }>('SELECT min(position) AS position FROM outbox WHERE sent_at IS NULL');
      if (first?.position == null) return 0;
      this.cursor = Number(first.position) - 1;
      rows = await this.unsentAfter(this.cursor);
      if (rows.length === 0) return 0;
    }
    const batch = rows.map((row) => {
      const event = toStoredEvent(row);
      return { topic: topicForStreamType(event.streamType), event };
    });
    const last = batch[batch.length - 1].event.position;
    // A full batch means more is likely waiting: read it while this one goes to Kafka.
    const next = rows.length === this.options.batchSize ? this.unsentAfter(last) : undefined;
    next?.catch(() => undefined);
    let partitions: number[];
    try {
      partitions = await this.publisher.publish(batch);
    } finally {
      await this.settle();
    }
    const following = next ? await next : [];
    const marking = this.markSent(batch, partitions);
    if (following.length > 0 || markInBackground) {
      this.marking = marking;
      marking.catch(() => undefined);
    } else {
      await marking;
    }
    this.cursor = last;
    if (following.length > 0) this.ahead = { cursor: last, rows: following };
    this.observer.published?.(batch.length);
    return batch.length;
  }

  /**
   * The range bound is what keeps this cheap: joined to the unnest alone, the planner may hash
   * the whole outbox (a sequential scan per batch, 15 ms per 500 rows at 50 000 rows in EXPLAIN
   * ANALYZE, growing with the table); bounded, it reads only the batch's index range (4.7 ms).
   */
  private async markSent(batch: readonly OutgoingEvent[], partitions: number[]): Promise<void> {
    const positions = batch.map((b) => b.event.position);
    await this.db.query(
      `UPDATE outbox o SET sent_at = now(), topic = s.topic, partition = s.partition
         FROM unnest($1::bigint[], $2::text[], $3::int[]) AS s(position, topic, partition)
        WHERE o.position = s.position AND o.position BETWEEN $4 AND $5`,
      [positions, batch.map((b) => b.topic), partitions, Math.min(...positions), Math.max(...positions)],
    );
  }

  /** Waits for the mark still running from the previous batch, if any; its failure is ours. */
  private async settle(): Promise<void> {
    const marking = this.marking;
    this.marking = undefined;
    await marking;
  }

  /**
   * The unsent rows among the next `batchSize` positions. A bounded range, not "the first
   * unsent rows in order": with a backlog (after a Kafka outage, say) the planner may fetch
   * every unsent row and sort them to take the first few, making each batch cost as much as
   * the whole backlog. Positions have no gaps and commit in order, so nothing can appear
   * behind the cursor later.
   */
  private unsentAfter(cursor: number) {
    return this.db.query(
      `SELECT ${eventColumnsOf('e')}
         FROM outbox o JOIN events e USING (position)
        WHERE o.position > $1 AND o.position <= $1 + $2 AND e.position > $1 AND e.position <= $1 + $2 AND o.sent_at IS NULL
        ORDER BY o.position`,
      [cursor, this.options.batchSize],
    );
  }

  async backlog(): Promise<number> {
    const [row] = await this.db.query<{ count: string }>('SELECT count(*) AS count FROM outbox WHERE sent_at IS NULL');
    return Number(row.count);
  }
}
