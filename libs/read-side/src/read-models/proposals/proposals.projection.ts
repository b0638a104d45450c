import { ElectorateSeat, PROPOSAL_EVENT_TYPES, ProposalEvent, tallyOf, VoteChoice, VotingRule } from '@coalition/domain';
import { TOPICS } from '@coalition/event-store';
import { Projection, projectionOf } from '../../projections/projection';

/**
 * rm_proposals and rm_proposal_votes. The tally of an open proposal is recomputed with the
 * domain's own `tallyOf` after every vote, so the read side can never count differently
 * from the decision that closes it; at closing, the recorded tally is stored as it is.
 */
export const proposalsProjection: Projection = projectionOf<ProposalEvent>({
  name: 'proposals',
  topic: TOPICS.events,
  tables: ['rm_proposals', 'rm_proposal_votes'],
  eventTypes: PROPOSAL_EVENT_TYPES,
  async apply(event, tx) {
    const id = event.data.proposalId;
    switch (event.type) {
      case 'ProposalOpened': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_proposals (id, compact_id, kind, title, text, status, closes_at, proposed_by, applicant_state, amendment,
                                     voting_rule, electorate, tally, opened_at, opened_position, version)
           VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (id) DO NOTHING`,
          [id, d.compactId, d.kind, d.title, d.text, d.closesAt, d.proposedBy, d.applicantState ?? null,
            d.amendment ? JSON.stringify(d.amendment) : null, JSON.stringify(d.votingRule), JSON.stringify(d.electorate),
            JSON.stringify(tallyOf(d.electorate, [], d.votingRule)), d.openedAt, event.position, event.version],
        );
        return;
      }
      case 'VoteCast': {
        const d = event.data;
        await tx.query(
          `INSERT INTO rm_proposal_votes (proposal_id, position, state_code, choice, cast_at, cast_by) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING`,
          [id, event.position, d.stateCode, d.choice, d.castAt, d.castBy],
        );
        const [proposal] = await tx.query<{ electorate: ElectorateSeat[]; voting_rule: VotingRule; status: string }>(
          'SELECT electorate, voting_rule, status FROM rm_proposals WHERE id = $1',
          [id],
        );
        if (!proposal || proposal.status !== 'open') break;
        const votes = await tx.query<{ stateCode: string; choice: VoteChoice }>(
          'SELECT state_code AS "stateCode", choice FROM rm_proposal_votes WHERE proposal_id = $1 ORDER BY position',
          [id],
        );
        await tx.query('UPDATE rm_proposals SET tally = $2 WHERE id = $1', [id, JSON.stringify(tallyOf(proposal.electorate, votes, proposal.voting_rule))]);
        break;
      }
      case 'ProposalClosed':
        await tx.query('UPDATE rm_proposals SET status = $2, tally = $3, closed_at = $4 WHERE id = $1', [
          id, event.data.outcome, JSON.stringify(event.data.tally), event.data.closedAt,
        ]);
        break;
    }
    await tx.query('UPDATE rm_proposals SET version = $2 WHERE id = $1 AND version < $2', [id, event.version]);
  },
});
