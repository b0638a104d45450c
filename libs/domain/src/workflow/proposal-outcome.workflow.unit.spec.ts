import { CompactCommand } from '../compact';
import { initialProposalState, ProposalClosed, ProposalEvent, ProposalKind, ProposalOutcome, ProposalState, evolveProposal } from '../proposal';
import { outcomeNeedsProposal, proposalOutcome } from './proposal-outcome.workflow';

const RULE = { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' } as const;
const AMENDMENT = { votingRule: { ...RULE, threshold: 'two-thirds' } } as const;

const opened = (kind: ProposalKind): ProposalEvent => ({
  type: 'ProposalOpened',
  data: {
    proposalId: 'p1', compactId: 'c1', kind, title: 'T', text: 'x', closesAt: '2026-01-22T12:00:00.000Z', proposedBy: 'WA',
    ...(kind === 'admission' ? { applicantState: 'ID' } : {}),
    ...(kind === 'amendment' ? { amendment: AMENDMENT } : {}),
    votingRule: RULE, electorate: [{ stateCode: 'WA', weight: 1 }], openedAt: '2026-01-15T12:00:00.000Z',
  },
});

const closed = (kind: ProposalKind, outcome: ProposalOutcome): ProposalClosed => ({
  type: 'ProposalClosed',
  data: {
    proposalId: 'p1', compactId: 'c1', kind, outcome, tally: { yes: 1, no: 0, abstain: 0, participation: 1, quorumMet: true, thresholdMet: true },
    closedAt: '2026-01-22T12:00:00.000Z', reason: 'closes-at',
  },
});

/** given the proposal's history, when it closes, then these commands go to its compact. */
const given = (...history: ProposalEvent[]) => ({
  when: (event: ProposalClosed) => ({
    then: (expected: CompactCommand[]) => {
      const state: ProposalState = history.reduce(evolveProposal, initialProposalState());
      expect(proposalOutcome(event, state)).toEqual(expected);
    },
  }),
});

describe('the proposal outcome workflow', () => {
  it('admits the applicant of a passed admission', () =>
    given(opened('admission')).when(closed('admission', 'passed')).then([{ type: 'AdmitMember', data: { stateCode: 'ID', proposalId: 'p1' } }]));

  it('ends the application of a failed admission', () =>
    given(opened('admission')).when(closed('admission', 'failed')).then([{ type: 'RejectApplication', data: { stateCode: 'ID', proposalId: 'p1' } }]));

  it('decides nothing for an admission whose proposal it cannot read', () => given().when(closed('admission', 'passed')).then([]));

  it('applies a passed amendment and ignores a failed one', () => {
    given(opened('amendment')).when(closed('amendment', 'passed')).then([{ type: 'AmendCompact', data: { proposalId: 'p1', ...AMENDMENT } }]);
    given(opened('amendment')).when(closed('amendment', 'failed')).then([]);
  });

  it('dissolves the compact on a passed dissolution only', () => {
    given().when(closed('dissolution', 'passed')).then([{ type: 'DissolveCompact', data: { proposalId: 'p1' } }]);
    given().when(closed('dissolution', 'failed')).then([]);
  });

  it('changes nothing for a resolution, passed or not', () => given(opened('resolution')).when(closed('resolution', 'passed')).then([]));

  it('reads the proposal only for the kinds whose outcome needs it', () => {
    expect((['admission', 'amendment', 'dissolution', 'resolution'] as const).filter(outcomeNeedsProposal)).toEqual(['admission', 'amendment']);
  });
});
