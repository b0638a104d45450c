import { Database } from '@coalition/platform';
import { StoredEvent } from '@coalition/event-store';
import { WebhookResponse } from './webhook-sender';

export interface Claim {
  webhookId: string;
  position: number;
  attempts: number;
}

const PRUNE_BATCH = 10_000;

/**
 * The delivery state in the database: each webhook's cursor, attempts and lease
 * (`webhook_dispatch`) and the deliveries log (`webhook_deliveries`). A claim is held by
 * `instance` for `leaseMs`, renewed by every attempt and cursor move.
 */
export class WebhookDispatchTable {
  constructor(
    private readonly db: Database,
    private readonly instance: string,
    private readonly leaseMs: number,
    private readonly retentionDays: number,
  ) {}

  /** Claims up to `free` due webhooks below `headPosition`, none of those in `busy`, for a lease. */
  async claim(headPosition: number, free: number, busy: string[]): Promise<Claim[]> {
    const claims = await this.db.query<{ webhook_id: string; position: string; attempts: number }>(
      `UPDATE webhook_dispatch d SET claimed_until = now() + make_interval(secs => $3::double precision / 1000), claimed_by = $4
        WHERE d.webhook_id IN (
          SELECT c.webhook_id FROM webhook_dispatch c JOIN rm_webhooks w ON w.id = c.webhook_id
           WHERE w.status = 'active' AND c.position < $1
             AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= now())
             AND (c.claimed_until IS NULL OR c.claimed_until < now() OR c.claimed_by = $4)
             AND NOT (c.webhook_id = ANY($5::text[]))
           ORDER BY c.next_attempt_at NULLS FIRST, c.webhook_id
           LIMIT $2
           FOR UPDATE OF c SKIP LOCKED)
        RETURNING d.webhook_id, d.position, d.attempts`,
      [headPosition, free, this.leaseMs, this.instance, busy],
    );
    return claims.map((row) => ({ webhookId: row.webhook_id, position: Number(row.position), attempts: Number(row.attempts) }));
  }

  async recordAttempt(
    webhookId: string,
    event: StoredEvent,
    attempt: number,
    result: WebhookResponse,
    next: { position: number; attempts: number; retryInMs: number | null },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, position, attempt, status, response_status, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [webhookId, event.eventId, event.position, attempt, result.ok ? 'delivered' : 'failed', result.status, result.error, result.durationMs],
      );
      await tx.query(
        `UPDATE webhook_dispatch
            SET position = $2, attempts = $3,
                next_attempt_at = CASE WHEN $4::double precision IS NULL THEN NULL ELSE now() + make_interval(secs => $4::double precision / 1000) END,
                claimed_until = now() + make_interval(secs => $5::double precision / 1000)
          WHERE webhook_id = $1`,
        [webhookId, next.position, next.attempts, next.retryInMs, this.leaseMs],
      );
    });
  }

  async saveCursor(webhookId: string, position: number): Promise<void> {
    await this.db.query(
      `UPDATE webhook_dispatch SET position = GREATEST(position, $2), claimed_until = now() + make_interval(secs => $3::double precision / 1000) WHERE webhook_id = $1`,
      [webhookId, position, this.leaseMs],
    );
  }

  async release(webhookId: string): Promise<void> {
    await this.db.query(`UPDATE webhook_dispatch SET claimed_until = NULL, claimed_by = NULL WHERE webhook_id = $1 AND claimed_by = $2`, [
      webhookId,
      this.instance,
    ]);
  }

  /**
   * Deletes deliveries log rows older than `retentionDays`, a bounded batch per statement so no
   * delete holds locks for long; answers how many went. Several workers may run it at once.
   */
  async pruneDeliveries(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const rows = await this.db.query<{ id: string }>(
        `DELETE FROM webhook_deliveries WHERE id IN (
           SELECT id FROM webhook_deliveries WHERE at < now() - make_interval(days => $1) LIMIT $2)
         RETURNING id`,
        [this.retentionDays, PRUNE_BATCH],
      );
      deleted += rows.length;
      if (rows.length < PRUNE_BATCH) return deleted;
    }
  }
}
