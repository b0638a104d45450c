import {
  apiKeyStreamId, compactStreamId, legalActionStreamId, memberStateStreamId, proposalStreamId, userStreamId, webhookStreamId,
} from '@coalition/domain';
import { Database } from '@coalition/platform';
import { ResourceLocator } from '@coalition/read-side';

/**
 * The stream an auditor means by `id`: a stream id as it is, or any id the API hands out.
 * Compacts, proposals, legal actions, webhooks, users and keys have a stream of their own
 * (`compact-<id>`...); a state code names `member-state-<code>`; pledges, requests, offers and
 * reimbursements live in their compact's resource pool, found through the resource locator
 * that the append writes in the same transaction.
 */
export async function auditStreamOf(db: Database, locator: ResourceLocator, id: string): Promise<string | undefined> {
  const candidates = [
    id,
    compactStreamId(id),
    proposalStreamId(id),
    legalActionStreamId(id),
    webhookStreamId(id),
    userStreamId(id),
    apiKeyStreamId(id),
    ...(/^[A-Za-z]{2}$/.test(id) ? [memberStateStreamId(id.toUpperCase())] : []),
  ];
  const found = await db.query<{ stream_id: string }>(
    `SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1::text[]) AND version = 1`,
    [candidates],
  );
  // The id itself first (a stream id is never also another kind's id), then in the order above.
  const streams = new Set(found.map((row) => row.stream_id));
  const match = candidates.find((candidate) => streams.has(candidate));
  return match ?? (await locator.streamOf(id));
}
