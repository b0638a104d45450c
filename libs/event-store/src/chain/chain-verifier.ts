import { Database } from '@coalition/platform';
import { chainHash, GENESIS_HASH } from './hash-chain';
import { EVENT_COLUMNS, toStoredEvent } from '../store/stored-event';

export type ChainVerification =
  | { ok: true; checkedEvents: number; headPosition: number; headHash: string }
  | { ok: false; firstInvalidPosition: number; reason: string; checkedEvents: number };

export interface ChainCheckpoint {
  position: number;
  hash: string;
}

/**
 * Recomputes the hash chain over the global order, in keyset pages so memory stays flat for
 * any number of events (two pages at most: the one checked and the one being read). Names the
 * first position whose stored fields, link or hash do not match, including a position missing
 * from the sequence (a deleted row). With `checkpoint`, also checks that the chain still
 * passes through a head someone else kept a copy of. With `from`, starts after a head already
 * verified (it must still be stored as it was), so a worker can extend its checks
 * incrementally.
 */
export async function verifyChain(
  db: Database,
  options: { checkpoint?: ChainCheckpoint; from?: ChainCheckpoint; pageSize?: number; onProgress?: (checkedEvents: number) => void } = {},
): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 5000;
  const start = await startOf(db, options);
  if ('ok' in start) return start;
  let { expectedPosition, prevHash, checkpointSeen } = start;
  let checked = 0;
  const page = (from: number): Promise<Record<string, unknown>[]> => {
    const rows = db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE position >= $1 ORDER BY position LIMIT $2`, [from, pageSize]);
    rows.catch(() => undefined); // awaited below, unless verification stops early
    return rows;
  };
  // The next page is read while this one is checked: PostgreSQL's work overlaps the hashing.
  let next: Promise<Record<string, unknown>[]> | undefined = page(expectedPosition);
  while (next) {
    const rows: Record<string, unknown>[] = await next;
    next = rows.length === pageSize ? page(Number(rows[rows.length - 1].position) + 1) : undefined;
    for (const row of rows) {
      const event = toStoredEvent(row);
      const fail = (reason: string): ChainVerification => ({ ok: false, firstInvalidPosition: event.position, reason, checkedEvents: checked });
      if (event.position !== expectedPosition) {
        return { ok: false, firstInvalidPosition: expectedPosition, reason: `position ${expectedPosition} is missing`, checkedEvents: checked };
      }
      if (event.prevHash !== prevHash) return fail('prev_hash does not match the previous event hash');
      if (chainHash(prevHash, event) !== event.hash) return fail('hash does not match the event content');
      if (options.checkpoint && event.position === options.checkpoint.position) {
        if (event.hash !== options.checkpoint.hash) return fail('hash differs from the supplied checkpoint');
        checkpointSeen = true;
      }
      prevHash = event.hash;
      expectedPosition += 1;
      checked += 1;
    }
    options.onProgress?.(checked);
  }
  if (options.checkpoint && !checkpointSeen) {
    return {
      ok: false,
      firstInvalidPosition: options.checkpoint.position,
      reason: 'the supplied checkpoint position is beyond the stored chain',
      checkedEvents: checked,
    };
  }
  return { ok: true, checkedEvents: checked, headPosition: expectedPosition - 1, headHash: prevHash };
}

interface ChainStart {
  expectedPosition: number;
  prevHash: string;
  checkpointSeen: boolean;
}

/** Where checking begins: the genesis, or just after a head verified before (which must still be stored as it was). */
async function startOf(db: Database, options: { checkpoint?: ChainCheckpoint; from?: ChainCheckpoint }): Promise<ChainStart | ChainVerification> {
  const { from, checkpoint } = options;
  if (!from || from.position <= 0) return { expectedPosition: 1, prevHash: GENESIS_HASH, checkpointSeen: false };
  const [row] = await db.query<{ hash: string }>('SELECT hash FROM events WHERE position = $1', [from.position]);
  if (row?.hash !== from.hash) {
    return { ok: false, firstInvalidPosition: from.position, reason: 'the stored hash differs from the head verified before', checkedEvents: 0 };
  }
  let checkpointSeen = false;
  if (checkpoint && checkpoint.position <= from.position) {
    // Behind the starting head only that head itself can be compared.
    if (checkpoint.position !== from.position || checkpoint.hash !== from.hash) {
      return { ok: false, firstInvalidPosition: checkpoint.position, reason: 'the supplied checkpoint lies before the verified range', checkedEvents: 0 };
    }
    checkpointSeen = true;
  }
  return { expectedPosition: from.position + 1, prevHash: from.hash, checkpointSeen };
}
