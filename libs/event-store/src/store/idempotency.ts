import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { ConflictError } from '@coalition/domain';
import { Database, Queryable } from '@coalition/platform';

export class IdempotencyKeyReused extends ConflictError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
}

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export const requestHash = (method: string, path: string, body: unknown): string =>
  createHash('sha256').update(`${method} ${path}\n${canonicalize(body ?? {}) ?? ''}`).digest('hex');

/**
 * The first answer to a command sent with `Idempotency-Key`, per principal. It is written in
 * the append's own transaction, so an answer exists exactly when its events do.
 */
export class IdempotencyStore {
  constructor(private readonly db: Database) {}

  async find(principalId: string, key: string, hash: string): Promise<StoredAnswer | undefined> {
    const [row] = await this.db.query<{ request_hash: string; status: number; response: unknown }>(
      'SELECT request_hash, status, response FROM idempotency_keys WHERE principal_id = $1 AND key = $2',
      [principalId, key],
    );
    if (!row) return undefined;
    if (row.request_hash !== hash) throw new IdempotencyKeyReused('This Idempotency-Key was used with a different request');
    return { status: Number(row.status), body: row.response };
  }

  async save(tx: Queryable, principalId: string, key: string, hash: string, answer: StoredAnswer): Promise<void> {
    await tx.query(
      `INSERT INTO idempotency_keys (principal_id, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)`,
      [principalId, key, hash, answer.status, JSON.stringify(answer.body)],
    );
  }
}
