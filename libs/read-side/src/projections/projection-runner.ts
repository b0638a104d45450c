import { Database, isTransientDatabaseError, Queryable } from '@coalition/platform';
import { EventSink, EventTopic, StoredEvent } from '@coalition/event-store';
import { DeadLetterQueue } from './dead-letters';
import { applyEvents, Projection } from './projection';

/** Projections take it shared per batch; a rebuild takes it exclusively for its whole run. */
export const PROJECTION_LOCK = 7_261_002;

export interface RunnerObserver {
  applied?(projection: string, count: number, lagMs: number): void;
}

/**
 * Applies delivered events to every projection of their topic. A batch is applied in one
 * transaction per projection with events in it (projections with none only move their
 * checkpoints, inside the first of those); if that fails, events are retried one by one, and
 * one that keeps failing is dead-lettered and stepped over so the projection does not stall. A failure to
 * reach the database is different: it is thrown back to the transport, which redelivers the
 * batch later, so an outage never turns good events into dead letters.
 */
export class ProjectionRunner implements EventSink {
  readonly name = 'projections';

  constructor(
    private readonly db: Database,
    private readonly projections: readonly Projection[],
    private readonly deadLetters: DeadLetterQueue,
    private readonly observer: RunnerObserver = {},
    private readonly retries = 3,
  ) {}

  async handle(topic: EventTopic, partition: number, events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    const subscribed = this.projections.filter((p) => p.topic === topic);
    const busy = subscribed.filter((p) => events.some((e) => p.eventTypes.has(e.type)));
    const idle = subscribed.filter((p) => !busy.includes(p));
    // Projections with nothing to apply only move their checkpoints: inside the first busy
    // projection's transaction when there is one (one transaction per batch, not two).
    let idleMoved = idle.length === 0;
    for (const projection of busy) {
      if (await this.applyOrRetryEach(projection, topic, partition, events, idleMoved ? [] : idle)) idleMoved = true;
    }
    if (idleMoved) return;
    try {
      await this.db.transaction((tx) => moveCheckpoints(tx, idle, topic, partition, lastOf(events)));
      this.observeStepped(idle, events);
    } catch {
      for (const projection of idle) await this.applyOrRetryEach(projection, topic, partition, events);
    }
  }

  /**
   * The batch in one transaction (with `alsoStepOver`'s checkpoints); if that fails, event by
   * event with retries and dead letters. Answers whether the one transaction committed.
   */
  private async applyOrRetryEach(
    projection: Projection,
    topic: EventTopic,
    partition: number,
    events: readonly StoredEvent[],
    alsoStepOver: readonly Projection[] = [],
  ): Promise<boolean> {
    try {
      await this.applyAll(projection, topic, partition, events, alsoStepOver);
      return true;
    } catch {
      for (const event of events) await this.applyOneWithRetries(projection, topic, partition, event);
      return false;
    }
  }

  private async applyAll(projection: Projection, topic: EventTopic, partition: number, events: readonly StoredEvent[], alsoStepOver: readonly Projection[] = []) {
    // Five round trips whatever the batch: begin, lock, apply, move the checkpoints, commit.
    const applied = await this.db.transaction(async (tx) => {
      const checkpoint = await lockCheckpoint(tx, projection.name, topic, partition);
      const fresh = events.filter((e) => e.position > checkpoint);
      if (fresh.length > 0) await applyEvents(projection, fresh, tx);
      // Events come in position order, so the last fresh one is the batch's last.
      const moved = fresh.length > 0 ? [projection, ...alsoStepOver] : alsoStepOver;
      if (moved.length > 0) await moveCheckpoints(tx, moved, topic, partition, lastOf(events));
      return fresh;
    });
    if (alsoStepOver.length > 0) this.observeStepped(alsoStepOver, events);
    if (applied.length > 0) {
      const last = applied[applied.length - 1];
      this.observer.applied?.(projection.name, applied.length, Date.now() - Date.parse(last.recordedAt));
    }
  }

  private observeStepped(projections: readonly Projection[], events: readonly StoredEvent[]) {
    const last = events[events.length - 1];
    for (const projection of projections) this.observer.applied?.(projection.name, events.length, Date.now() - Date.parse(last.recordedAt));
  }

  private async applyOneWithRetries(projection: Projection, topic: EventTopic, partition: number, event: StoredEvent) {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyAll(projection, topic, partition, [event]);
        return;
      } catch (error) {
        if (isTransientDatabaseError(error)) throw error;
        if (attempt < this.retries) {
          await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
          continue;
        }
        await this.deadLetters.park({ consumer: `projection:${projection.name}`, topic, partition, event, error });
        await this.db.transaction((tx) => moveCheckpoints(tx, [projection], topic, partition, event.position));
        return;
      }
    }
  }
}

const lastOf = (events: readonly StoredEvent[]): number => events[events.length - 1].position;

/**
 * Takes the shared projection lock (a rebuild holds it exclusively), creates the checkpoint at
 * 0 if need be, locks its row and answers it: one round trip.
 */
async function lockCheckpoint(tx: Queryable, projection: string, topic: string, partition: number): Promise<number> {
  const [row] = await tx.query<{ position: string }>(
    `INSERT INTO projection_checkpoints (projection, topic, partition, position)
     SELECT $1, $2, $3, 0 FROM (SELECT pg_advisory_xact_lock_shared($4)) AS locked
     ON CONFLICT (projection, topic, partition) DO UPDATE SET position = projection_checkpoints.position
     RETURNING position`,
    [projection, topic, partition, PROJECTION_LOCK],
  );
  return Number(row.position);
}

/**
 * Moves the projections' checkpoints forward to `position` (never back), creating missing
 * ones, under the shared projection lock: one statement for any number of projections.
 */
async function moveCheckpoints(tx: Queryable, projections: readonly Projection[], topic: EventTopic, partition: number, position: number) {
  await tx.query(
    `INSERT INTO projection_checkpoints (projection, topic, partition, position)
     SELECT name, $2, $3, $4 FROM unnest($1::text[]) AS name, (SELECT pg_advisory_xact_lock_shared($5)) AS locked
     ON CONFLICT (projection, topic, partition)
     DO UPDATE SET position = EXCLUDED.position, updated_at = now() WHERE projection_checkpoints.position < EXCLUDED.position`,
    [projections.map((p) => p.name), topic, partition, position, PROJECTION_LOCK],
  );
}
