import { webhookStreamId } from '@coalition/domain';
import { Database, Row } from '@coalition/platform';

/** A webhook as its owner and admins see it: never the secret. */
export interface WebhookView {
  id: string;
  url: string;
  eventTypes: string[];
  status: 'active' | 'disabled';
  /** Why deliveries stopped, when `status` is `disabled`. */
  disabledReason: string | null;
  ownerId: string;
  stateCode: string | null;
  createdAt: string;
  /** Its stream in the audit log (GET /audit/streams/{streamId}). */
  streamId: string;
  /** Last delivered or skipped position, and the failed attempts at the event after it. */
  delivery: { position: number; failedAttempts: number; nextAttemptAt: string | null };
}

export interface WebhookDeliveryView {
  eventId: string;
  position: number;
  attempt: number;
  status: 'delivered' | 'failed';
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  at: string;
}

export class WebhooksRepository {
  constructor(private readonly db: Database) {}

  /** Every live webhook, or those of one owner; oldest first. */
  async list(ownerId?: string): Promise<WebhookView[]> {
    const rows = await this.db.query(
      `SELECT w.*, d.position, d.attempts, d.next_attempt_at
         FROM rm_webhooks w LEFT JOIN webhook_dispatch d ON d.webhook_id = w.id
        WHERE w.status <> 'deleted' AND ($1::text IS NULL OR w.owner_id = $1)
        ORDER BY w.created_at, w.id`,
      [ownerId ?? null],
    );
    return rows.map(toView);
  }

  async get(id: string): Promise<WebhookView | undefined> {
    const [row] = await this.db.query(
      `SELECT w.*, d.position, d.attempts, d.next_attempt_at
         FROM rm_webhooks w LEFT JOIN webhook_dispatch d ON d.webhook_id = w.id
        WHERE w.id = $1 AND w.status <> 'deleted'`,
      [id],
    );
    return row ? toView(row) : undefined;
  }

  /** The deliveries log, newest first. */
  async deliveries(webhookId: string, limit: number): Promise<WebhookDeliveryView[]> {
    const rows = await this.db.query(`SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2`, [webhookId, limit]);
    return rows.map((r) => ({
      eventId: String(r.event_id),
      position: Number(r.position),
      attempt: Number(r.attempt),
      status: r.status as WebhookDeliveryView['status'],
      responseStatus: r.response_status == null ? null : Number(r.response_status),
      error: (r.error as string | null) ?? null,
      durationMs: Number(r.duration_ms),
      at: new Date(r.at as string).toISOString(),
    }));
  }
}

function toView(r: Row): WebhookView {
  return {
    id: String(r.id),
    url: String(r.url),
    eventTypes: r.event_types as string[],
    status: r.status as WebhookView['status'],
    disabledReason: (r.disabled_reason as string | null) ?? null,
    ownerId: String(r.owner_id),
    stateCode: (r.state_code as string | null) ?? null,
    createdAt: new Date(r.created_at as string).toISOString(),
    streamId: webhookStreamId(String(r.id)),
    delivery: {
      position: Number(r.position ?? 0),
      failedAttempts: Number(r.attempts ?? 0),
      nextAttemptAt: r.next_attempt_at ? new Date(r.next_attempt_at as string).toISOString() : null,
    },
  };
}
