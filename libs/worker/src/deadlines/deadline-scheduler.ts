import { Logger } from '@nestjs/common';
import { BackoffLoop, Database, isDatabaseUnavailable, LoopStatus } from '@coalition/platform';
import { Deadline, DeadlineHandler } from '@coalition/event-store';

/** Rows claimed per poll: small, so one lease never has to cover a long queue of handlers. */
const CLAIM_BATCH = 20;
/** A failing handler is retried after 2 s, 4 s, 8 s ... and then every 5 minutes. */
const FIRST_RETRY_SECONDS = 2;
const MAX_RETRY_SECONDS = 300;

/**
 * Fires due deadlines by polling the `deadlines` table (default every 500 ms, well inside the
 * 2 s promise). A row is claimed for a lease before its handler runs, so several workers never
 * fire one deadline at once, and a worker that dies mid-handler leaves it to be fired again:
 * handlers must be idempotent. A handler that fails is retried with exponential back-off but
 * never given up: a proposal must close and a withdrawal must take effect eventually, so the
 * error stays visible in `last_error` (and the log) until someone fixes the cause.
 */
export class DeadlineScheduler {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private readonly handlers = new Map<string, DeadlineHandler>();
  private readonly loop: BackoffLoop;
  private ticking?: Promise<number>;
  /** Claims of ours left behind when the database went away mid-handler: given back on the next pass. */
  private readonly abandoned = new Set<string>();

  constructor(
    private readonly db: Database,
    intervalMs: number,
    private readonly leaseSeconds = 30,
    status: LoopStatus = new LoopStatus('scheduler'),
  ) {
    this.loop = new BackoffLoop(async () => (await this.tick()) === CLAIM_BATCH, { idleMs: intervalMs, status, what: 'deadline poll' }, DeadlineScheduler.name);
  }

  register(kind: string, handler: DeadlineHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.ticking?.catch(() => undefined);
  }

  /** Fires what is due now; answers how many fired. */
  tick(): Promise<number> {
    this.ticking ??= this.fireDue().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async fireDue(): Promise<number> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return 0;
    await this.releaseAbandoned();
    const claimed = await this.db.query<{ id: string; kind: string; due_at: Date; payload: Record<string, unknown>; attempts: number }>(
      `UPDATE deadlines SET attempts = attempts + 1, claimed_until = now() + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM deadlines
                      WHERE fired_at IS NULL AND due_at <= now() AND kind = ANY($1::text[])
                        AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY due_at LIMIT ${CLAIM_BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, due_at, payload, attempts`,
      [kinds, this.leaseSeconds],
    );
    let fired = 0;
    for (const [index, row] of claimed.entries()) {
      const deadline: Deadline = { id: row.id, kind: row.kind, dueAt: new Date(row.due_at), payload: row.payload };
      try {
        await this.handlers.get(row.kind)?.(deadline);
        await this.db.query('UPDATE deadlines SET fired_at = now(), last_error = NULL WHERE id = $1', [row.id]);
        fired += 1;
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          // Nothing can be recorded now; the pass fails and backs off, and the claim is given back once the database answers.
          for (const left of claimed.slice(index)) this.abandoned.add(left.id);
          throw error;
        }
        const retryInSeconds = Math.min(FIRST_RETRY_SECONDS * 2 ** (row.attempts - 1), MAX_RETRY_SECONDS);
        this.logger.warn(`deadline ${row.id} failed (attempt ${row.attempts}), retrying in ${retryInSeconds} s: ${(error as Error).message}`);
        await this.db.query(
          `UPDATE deadlines SET last_error = $2, claimed_until = now() + make_interval(secs => $3) WHERE id = $1`,
          [row.id, (error as Error).message, retryInSeconds],
        );
      }
    }
    return fired;
  }

  /**
   * Gives back the claims of deadlines whose handler the database interrupted, so they fire on
   * this pass instead of after the lease. Handlers are idempotent, so a handler that did its
   * work before the outage and fires again changes nothing.
   */
  private async releaseAbandoned(): Promise<void> {
    if (this.abandoned.size === 0) return;
    const ids = [...this.abandoned];
    await this.db.query('UPDATE deadlines SET claimed_until = NULL WHERE id = ANY($1::text[]) AND fired_at IS NULL', [ids]);
    for (const id of ids) this.abandoned.delete(id);
  }
}
