import { Queryable } from '@coalition/platform';

/**
 * A deadline row: written in the transaction of the change that causes it (a projection's or a
 * process manager's), like the outbox row of an event; the worker's scheduler fires it.
 */
export interface Deadline {
  /** Deterministic (for example `proposal-close:<id>`), so scheduling twice is harmless. */
  id: string;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
}

export type DeadlineHandler = (deadline: Deadline) => Promise<void>;

/** Writes a deadline, typically inside a projection's or process manager's transaction. */
export async function scheduleDeadline(tx: Queryable, deadline: Deadline): Promise<void> {
  await tx.query(
    `INSERT INTO deadlines (id, kind, due_at, payload) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload
       WHERE deadlines.fired_at IS NULL`,
    [deadline.id, deadline.kind, deadline.dueAt, JSON.stringify(deadline.payload)],
  );
}
