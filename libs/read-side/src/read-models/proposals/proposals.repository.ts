import { Amendment, ElectorateSeat, ProposalKind, ProposalState, ProposalStatus, proposalExists, proposalStreamId, Tally, tallyOf, VoteChoice, VotingRule } from '@coalition/domain';
import { Database } from '@coalition/platform';

export interface VoteView {
  stateCode: string;
  choice: VoteChoice;
  castAt: string;
  /** The principal that cast it. */
  castBy: string;
}

/** GET /proposals/:id, and each item of GET /compacts/:id/proposals. */
export interface ProposalView {
  id: string;
  compactId: string;
  kind: ProposalKind;
  title: string;
  text: string;
  status: ProposalStatus;
  closesAt: string;
  electorate: ElectorateSeat[];
  /** Every vote cast, in order; a state that changed its vote appears once per vote. */
  votes: VoteView[];
  tally: Tally;
  closedAt?: string;
  proposedBy: string;
  applicantState?: string;
  amendment?: Amendment;
  votingRule: VotingRule;
  openedAt: string;
  version: number;
  /** Its stream in the audit log (GET /audit/streams/{streamId}). */
  streamId: string;
}

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();

// jsonb keeps keys in its own order; answers list them in the order API.md documents.
const seat = ({ stateCode, weight }: ElectorateSeat): ElectorateSeat => ({ stateCode, weight });
const tallyInOrder = ({ yes, no, abstain, participation, quorumMet, thresholdMet }: Tally): Tally => ({ yes, no, abstain, participation, quorumMet, thresholdMet });
const ruleInOrder = ({ method, quorum, threshold }: VotingRule): VotingRule => ({ method, quorum, threshold });
const amendmentInOrder = ({ charterText, votingRule }: Amendment): Amendment => ({
  ...(charterText !== undefined ? { charterText } : {}),
  ...(votingRule ? { votingRule: ruleInOrder(votingRule) } : {}),
});

/** The same view from the aggregate (for tests and time travel): one shape whichever way it was read. */
export function proposalViewOf(state: ProposalState, version: number): ProposalView | undefined {
  if (!proposalExists(state)) return undefined;
  return {
    id: state.proposalId,
    compactId: state.compactId,
    kind: state.kind,
    title: state.title,
    text: state.text,
    status: state.status,
    closesAt: state.closesAt,
    electorate: state.electorate.map(seat),
    votes: state.votes.map(({ stateCode, choice, castAt, castBy }) => ({ stateCode, choice, castAt, castBy })),
    tally: tallyInOrder(state.tally ?? tallyOf(state.electorate, state.votes, state.votingRule)),
    ...(state.closedAt ? { closedAt: state.closedAt } : {}),
    proposedBy: state.proposedBy,
    ...(state.applicantState ? { applicantState: state.applicantState } : {}),
    ...(state.amendment ? { amendment: amendmentInOrder(state.amendment) } : {}),
    votingRule: ruleInOrder(state.votingRule),
    openedAt: state.openedAt,
    version,
    streamId: proposalStreamId(state.proposalId),
  };
}

export class ProposalsRepository {
  constructor(private readonly db: Database) {}

  async find(id: string): Promise<ProposalView | undefined> {
    const [view] = await this.load('p.id = $1', [id]);
    return view;
  }

  /** Newest first. */
  listForCompact(compactId: string): Promise<ProposalView[]> {
    return this.load('p.compact_id = $1', [compactId]);
  }

  private async load(where: string, params: unknown[]): Promise<ProposalView[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT p.*, coalesce(
                (SELECT json_agg(json_build_object('stateCode', v.state_code, 'choice', v.choice, 'castAt', v.cast_at, 'castBy', v.cast_by) ORDER BY v.position)
                   FROM rm_proposal_votes v WHERE v.proposal_id = p.id), '[]'::json) AS votes
         FROM rm_proposals p WHERE ${where} ORDER BY p.opened_position DESC`,
      params,
    );
    return rows.map((row) => ({
      id: String(row.id),
      compactId: String(row.compact_id),
      kind: row.kind as ProposalKind,
      title: String(row.title),
      text: String(row.text),
      status: row.status as ProposalStatus,
      closesAt: iso(row.closes_at),
      electorate: (row.electorate as ElectorateSeat[]).map(seat),
      votes: (row.votes as VoteView[]).map((v) => ({ stateCode: v.stateCode, choice: v.choice, castAt: iso(v.castAt), castBy: v.castBy })),
      tally: tallyInOrder(row.tally as Tally),
      ...(row.closed_at ? { closedAt: iso(row.closed_at) } : {}),
      proposedBy: String(row.proposed_by),
      ...(row.applicant_state ? { applicantState: String(row.applicant_state) } : {}),
      ...(row.amendment ? { amendment: amendmentInOrder(row.amendment as Amendment) } : {}),
      votingRule: ruleInOrder(row.voting_rule as VotingRule),
      openedAt: iso(row.opened_at),
      version: Number(row.version),
      streamId: proposalStreamId(String(row.id)),
    }));
  }
}
