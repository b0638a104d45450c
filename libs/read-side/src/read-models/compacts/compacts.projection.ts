import { COMPACT_EVENT_TYPES, CompactEvent } from '@coalition/domain';
import { Queryable } from '@coalition/platform';
import { TOPICS } from '@coalition/event-store';
import { EventHandlers, handleEvent } from '../../projections/event-handlers';
import { Projection, projectionOf } from '../../projections/projection';

const updateMember = (tx: Queryable, compactId: string, stateCode: string, set: string, params: unknown[] = []) =>
  tx.query(`UPDATE rm_compact_members SET ${set} WHERE compact_id = $1 AND state_code = $2`, [compactId, stateCode, ...params]);

const handlers: EventHandlers<CompactEvent> = {
  async CompactDrafted({ data: d, ...stored }, tx) {
    await tx.query(
      `INSERT INTO rm_compacts (id, title, purpose, status, charter_text, charter_sha256, charter_version, voting_rule,
                                min_ratifications, withdrawal_notice_days, version, drafted_position)
       VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
      [d.compactId, d.title, d.purpose, d.charter.text, d.charter.sha256, d.charter.version, JSON.stringify(d.votingRule),
        d.minRatifications, d.withdrawalNoticeDays, stored.version, stored.position],
    );
    await tx.query(
      `INSERT INTO rm_compact_members (compact_id, state_code, status, joined_position, joined_order)
       SELECT $1, f.code, 'admitted', $3, f.ordinal FROM unnest($2::text[]) WITH ORDINALITY AS f(code, ordinal)
       ON CONFLICT DO NOTHING`,
      [d.compactId, d.foundingStates, stored.position],
    );
  },
  CompactRatified: ({ data }, tx) =>
    updateMember(tx, data.compactId, data.stateCode, `status = 'ratified', ratification = $3`, [JSON.stringify(data.ratification)]),
  CompactActivated: ({ data }, tx) => tx.query(`UPDATE rm_compacts SET status = 'active' WHERE id = $1`, [data.compactId]),
  // A state that withdrew keeps its place in the list; a new applicant joins at the end.
  MembershipApplied: ({ data, ...stored }, tx) =>
    tx.query(
      `INSERT INTO rm_compact_members (compact_id, state_code, status, joined_position) VALUES ($1, $2, 'applied', $3)
       ON CONFLICT (compact_id, state_code) DO UPDATE SET status = 'applied', ratification = NULL, effective_at = NULL`,
      [data.compactId, data.stateCode, stored.position],
    ),
  MemberAdmitted: ({ data }, tx) => updateMember(tx, data.compactId, data.stateCode, `status = 'admitted'`),
  ApplicationRejected: ({ data }, tx) =>
    tx.query(`DELETE FROM rm_compact_members WHERE compact_id = $1 AND state_code = $2`, [data.compactId, data.stateCode]),
  WithdrawalNoticeGiven: ({ data }, tx) =>
    updateMember(tx, data.compactId, data.stateCode, `status = 'withdrawing', effective_at = $3`, [data.effectiveAt]),
  MemberWithdrawn: ({ data }, tx) => updateMember(tx, data.compactId, data.stateCode, `status = 'withdrawn'`),
  async CompactAmended({ data: { compactId, charter, votingRule } }, tx) {
    if (charter) {
      await tx.query(`UPDATE rm_compacts SET charter_text = $2, charter_sha256 = $3, charter_version = $4 WHERE id = $1`, [
        compactId, charter.text, charter.sha256, charter.version,
      ]);
    }
    if (votingRule) await tx.query(`UPDATE rm_compacts SET voting_rule = $2 WHERE id = $1`, [compactId, JSON.stringify(votingRule)]);
  },
  CompactDissolved: ({ data }, tx) => tx.query(`UPDATE rm_compacts SET status = 'dissolved' WHERE id = $1`, [data.compactId]),
};

/** rm_compacts and rm_compact_members, shaped for GET /compacts and GET /compacts/:id. */
export const compactsProjection: Projection = projectionOf<CompactEvent>({
  name: 'compacts',
  topic: TOPICS.events,
  tables: ['rm_compacts', 'rm_compact_members'],
  eventTypes: COMPACT_EVENT_TYPES,
  async apply(event, tx) {
    await handleEvent(handlers, event, tx);
    await tx.query('UPDATE rm_compacts SET version = $2 WHERE id = $1 AND version < $2', [event.data.compactId, event.version]);
  },
});
