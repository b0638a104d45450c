import { LegalActionEvent } from '@coalition/domain';
import { Queryable } from '../../database/database';
import { StoredEvent } from '../../event-store/stored-event';
import { TOPICS } from '../../messaging/topics';
import { Projection } from '../../projections/projection';
import { scheduleSignOnDeadline } from '../../scheduling/legal-sign-on.deadline';

/** Legal-action events travel on the privileged legal topic only, so this projection listens there. */
export const legalActionsProjection: Projection = {
  name: 'legal-actions',
  topic: TOPICS.legal,
  tables: ['rm_legal_actions', 'rm_legal_action_signatures', 'rm_legal_action_developments'],
  eventTypes: new Set<LegalActionEvent['type']>([
    'LegalActionOpened',
    'LegalActionSigned',
    'SignatureWithdrawn',
    'LegalActionFiled',
    'DevelopmentRecorded',
    'LegalActionClosed',
    'SignOnClosed',
  ]),
  async apply(stored: StoredEvent, tx: Queryable) {
    const event = stored as unknown as LegalActionEvent;
    const id = event.data.legalActionId;
    const setVersion = () => tx.query('UPDATE rm_legal_actions SET version = $2 WHERE id = $1', [id, stored.version]);
    switch (event.type) {
      case 'LegalActionOpened': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_legal_actions (id, kind, title, summary, forum, lead_state, status, sign_on_deadline, compact_id, opened_at, opened_by, version)
           VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
          [id, d.kind, d.title, d.summary, d.forum, d.leadState, d.signOnDeadline, d.compactId, d.openedAt, d.openedBy, stored.version],
        );
        // Rebuilds re-apply this; a deadline that already fired is left alone.
        await scheduleSignOnDeadline(tx, id, d.signOnDeadline);
        return;
      }
      case 'LegalActionSigned':
        await tx.query(
          `INSERT INTO rm_legal_action_signatures (position, legal_action_id, state_code, signed_at, signed_by)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (position) DO NOTHING`,
          [stored.position, id, event.data.stateCode, event.data.signedAt, event.data.signedBy],
        );
        await setVersion();
        return;
      case 'SignatureWithdrawn':
        await tx.query(
          `UPDATE rm_legal_action_signatures SET withdrawn_at = $3, withdrawn_by = $4
            WHERE legal_action_id = $1 AND state_code = $2 AND withdrawn_at IS NULL`,
          [id, event.data.stateCode, event.data.withdrawnAt, event.data.withdrawnBy],
        );
        await setVersion();
        return;
      case 'LegalActionFiled': {
        const { filedOn, docketNumber, documentSha256, documentUri, filedAt, filedBy } = event.data;
        const filing = { filedOn, docketNumber, documentSha256, ...(documentUri ? { documentUri } : {}), filedAt, filedBy };
        await tx.query(`UPDATE rm_legal_actions SET status = 'filed', filing = $2, version = $3 WHERE id = $1`, [id, JSON.stringify(filing), stored.version]);
        return;
      }
      case 'DevelopmentRecorded': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_legal_action_developments
             (id, legal_action_id, kind, occurred_on, summary, document_sha256, state_code, recorded_at, recorded_by, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
          [d.developmentId, id, d.kind, d.occurredOn, d.summary, d.documentSha256, d.stateCode, d.recordedAt, d.recordedBy, stored.position],
        );
        await setVersion();
        return;
      }
      case 'LegalActionClosed':
        await tx.query(
          `UPDATE rm_legal_actions SET status = 'closed', outcome = $2, outcome_summary = $3, closed_at = $4, version = $5 WHERE id = $1`,
          [id, event.data.outcome, event.data.summary, event.data.closedAt, stored.version],
        );
        return;
      case 'SignOnClosed':
        await tx.query(`UPDATE rm_legal_actions SET signatories_at_deadline = $2, version = $3 WHERE id = $1`, [
          id,
          JSON.stringify(event.data.signatories),
          stored.version,
        ]);
        return;
    }
  },
};
