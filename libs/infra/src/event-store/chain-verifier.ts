import { Database } from '../database/database';
import { chainHash, GENESIS_HASH } from './hash-chain';
import { EVENT_COLUMNS, toStoredEvent } from './stored-event';

export type ChainVerification =
  | { ok: true; checkedEvents: number; headPosition: number; headHash: string }
  | { ok: false; firstInvalidPosition: number; reason: string; checkedEvents: number };

export interface ChainCheckpoint {
  position: number;
  hash: string;
}

/**
 * Recomputes the hash chain over the global order, in keyset pages so memory stays flat for
 * any number of events. Names the first position whose stored fields, link or hash do not
 * match, including a position missing from the sequence (a deleted row). With `checkpoint`,
 * also checks that the chain still passes through a head someone else kept a copy of.
 */
export async function verifyChain(
  db: Database,
  options: { checkpoint?: ChainCheckpoint; pageSize?: number } = {},
): Promise<ChainVerification> {
  const pageSize = options.pageSize ?? 5000;
  let expectedPosition = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let checkpointSeen = false;
  for (;;) {
    const rows = await db.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= $1 ORDER BY position LIMIT $2`,
      [expectedPosition, pageSize],
    );
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
    if (rows.length < pageSize) break;
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
