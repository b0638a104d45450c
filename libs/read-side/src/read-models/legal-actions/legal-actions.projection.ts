import { LegalActionEvent } from '@coalition/domain';
import { Queryable } from '@coalition/platform';
import { TOPICS } from '@coalition/event-store';
import { scheduleSignOnDeadline } from './sign-on-deadline';
import { EventHandlers, handleEvent } from '../../projections/event-handlers';
import { Projection, projectionOf } from '../../projections/projection';

const setVersion = (tx: Queryable, id: string, stored: { version: number }) =>
  tx.query('UPDATE rm_legal_actions SET version = $2 WHERE id = $1', [id, stored.version]);

const handlers: EventHandlers<LegalActionEvent> = {
  async LegalActionOpened({ data: d, ...stored }, tx) {
    await tx.query(
      `INSERT INTO rm_legal_actions (id, kind, title, summary, forum, lead_state, status, sign_on_deadline, compact_id, opened_at, opened_by, version)
       VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
      [d.legalActionId, d.kind, d.title, d.summary, d.forum, d.leadState, d.signOnDeadline, d.compactId, d.openedAt, d.openedBy, stored.version],
    );
    // Rebuilds re-apply this; a deadline that already fired is left alone.
    await scheduleSignOnDeadline(tx, d.legalActionId, d.signOnDeadline);
  },
  async LegalActionSigned({ data: d, ...stored }, tx) {
    await tx.query(
      `INSERT INTO rm_legal_action_signatures (position, legal_action_id, state_code, signed_at, signed_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (position) DO NOTHING`,
      [stored.position, d.legalActionId, d.stateCode, d.signedAt, d.signedBy],
    );
    await setVersion(tx, d.legalActionId, stored);
  },
  async SignatureWithdrawn({ data: d, ...stored }, tx) {
    await tx.query(
      `UPDATE rm_legal_action_signatures SET withdrawn_at = $3, withdrawn_by = $4
        WHERE legal_action_id = $1 AND state_code = $2 AND withdrawn_at IS NULL`,
      [d.legalActionId, d.stateCode, d.withdrawnAt, d.withdrawnBy],
    );
    await setVersion(tx, d.legalActionId, stored);
  },
  LegalActionFiled({ data, ...stored }, tx) {
    const { legalActionId, filedOn, docketNumber, documentSha256, documentUri, filedAt, filedBy } = data;
    const filing = { filedOn, docketNumber, documentSha256, ...(documentUri ? { documentUri } : {}), filedAt, filedBy };
    return tx.query(`UPDATE rm_legal_actions SET status = 'filed', filing = $2, version = $3 WHERE id = $1`, [
      legalActionId, JSON.stringify(filing), stored.version,
    ]);
  },
  async DevelopmentRecorded({ data: d, ...stored }, tx) {
    await tx.query(
      `INSERT INTO rm_legal_action_developments
         (id, legal_action_id, kind, occurred_on, summary, document_sha256, state_code, recorded_at, recorded_by, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
      [d.developmentId, d.legalActionId, d.kind, d.occurredOn, d.summary, d.documentSha256, d.stateCode, d.recordedAt, d.recordedBy, stored.position],
    );
    await setVersion(tx, d.legalActionId, stored);
  },
  LegalActionClosed: ({ data: d, ...stored }, tx) =>
    tx.query(
      `UPDATE rm_legal_actions SET status = 'closed', outcome = $2, outcome_summary = $3, closed_at = $4, version = $5 WHERE id = $1`,
      [d.legalActionId, d.outcome, d.summary, d.closedAt, stored.version],
    ),
  SignOnClosed: ({ data: d, ...stored }, tx) =>
    tx.query(`UPDATE rm_legal_actions SET signatories_at_deadline = $2, version = $3 WHERE id = $1`, [
      d.legalActionId,
      JSON.stringify(d.signatories),
      stored.version,
    ]),
};

/** Legal-action events travel on the privileged legal topic only, so this projection listens there. */
export const legalActionsProjection: Projection = projectionOf<LegalActionEvent>({
  name: 'legal-actions',
  topic: TOPICS.legal,
  tables: ['rm_legal_actions', 'rm_legal_action_signatures', 'rm_legal_action_developments'],
  eventTypes: [
    'LegalActionOpened',
    'LegalActionSigned',
    'SignatureWithdrawn',
    'LegalActionFiled',
    'DevelopmentRecorded',
    'LegalActionClosed',
    'SignOnClosed',
  ],
  apply: (event, tx) => handleEvent(handlers, event, tx),
});
