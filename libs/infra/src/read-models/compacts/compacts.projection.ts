import { COMPACT_EVENT_TYPES, CompactEvent } from '@coalition/domain';
import { Queryable } from '../../database/database';
import { StoredEvent } from '../../event-store/stored-event';
import { TOPICS } from '../../messaging/topics';
import { Projection } from '../../projections/projection';

/** rm_compacts and rm_compact_members, shaped for GET /compacts and GET /compacts/:id. */
export const compactsProjection: Projection = {
  name: 'compacts',
  topic: TOPICS.events,
  tables: ['rm_compacts', 'rm_compact_members'],
  eventTypes: new Set<string>(COMPACT_EVENT_TYPES),
  async apply(stored: StoredEvent, tx: Queryable) {
    const event = stored as unknown as CompactEvent;
    const compactId = event.data.compactId;
    const member = (stateCode: string, set: string, params: unknown[] = []) =>
      tx.query(`UPDATE rm_compact_members SET ${set} WHERE compact_id = $1 AND state_code = $2`, [compactId, stateCode, ...params]);
    switch (event.type) {
      case 'CompactDrafted': {
        const d = event.data;
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
          [compactId, d.foundingStates, stored.position],
        );
        break;
      }
      case 'CompactRatified':
        await member(event.data.stateCode, `status = 'ratified', ratification = $3`, [JSON.stringify(event.data.ratification)]);
        break;
      case 'CompactActivated':
        await tx.query(`UPDATE rm_compacts SET status = 'active' WHERE id = $1`, [compactId]);
        break;
      case 'MembershipApplied':
        // A state that withdrew keeps its place in the list; a new applicant joins at the end.
        await tx.query(
          `INSERT INTO rm_compact_members (compact_id, state_code, status, joined_position) VALUES ($1, $2, 'applied', $3)
           ON CONFLICT (compact_id, state_code) DO UPDATE SET status = 'applied', ratification = NULL, effective_at = NULL`,
          [compactId, event.data.stateCode, stored.position],
        );
        break;
      case 'MemberAdmitted':
        await member(event.data.stateCode, `status = 'admitted'`);
        break;
      case 'ApplicationRejected':
        await tx.query(`DELETE FROM rm_compact_members WHERE compact_id = $1 AND state_code = $2`, [compactId, event.data.stateCode]);
        break;
      case 'WithdrawalNoticeGiven':
        await member(event.data.stateCode, `status = 'withdrawing', effective_at = $3`, [event.data.effectiveAt]);
        break;
      case 'MemberWithdrawn':
        await member(event.data.stateCode, `status = 'withdrawn'`);
        break;
      case 'CompactAmended': {
        const { charter, votingRule } = event.data;
        if (charter) {
          await tx.query(`UPDATE rm_compacts SET charter_text = $2, charter_sha256 = $3, charter_version = $4 WHERE id = $1`, [
            compactId, charter.text, charter.sha256, charter.version,
          ]);
        }
        if (votingRule) await tx.query(`UPDATE rm_compacts SET voting_rule = $2 WHERE id = $1`, [compactId, JSON.stringify(votingRule)]);
        break;
      }
      case 'CompactDissolved':
        await tx.query(`UPDATE rm_compacts SET status = 'dissolved' WHERE id = $1`, [compactId]);
        break;
    }
    await tx.query('UPDATE rm_compacts SET version = $2 WHERE id = $1 AND version < $2', [compactId, stored.version]);
  },
};
