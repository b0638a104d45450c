import { CompactEvent, CompactNotActive, CompactNotFound, compactDecider, CompactState, initialCompactState, NotAMember, NotRatified, VotingRule } from '../compact';
import { fold, NotAllowed, SYSTEM_ACTOR } from '../shared';
import { adminActor, coordinatorOf, specFor, testContext } from '../testing';
import { OpenProposal, ProposalCommand } from './proposal.commands';
import { proposalDecider } from './proposal.decide';
import { InvalidProposal, NotInElectorate, ProposalAlreadyClosed, ProposalAlreadyOpened, ProposalNotFound, ProposalStillOpen } from './proposal.errors';
import { ProposalEvent, Tally, VoteChoice } from './proposal.events';

const NOW = new Date('2026-01-15T12:00:00.000Z');
const CLOSES = '2026-01-22T12:00:00.000Z';
const AFTER_CLOSE = new Date('2026-01-22T12:00:01.000Z');
const [WA, OR, CA, ID] = ['WA', 'OR', 'CA', 'ID'].map(coordinatorOf);
const given = specFor(proposalDecider, testContext(WA, NOW));

const RULE: VotingRule = { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' };
const POPULATIONS = { WA: 7_800_000, OR: 4_200_000, CA: 39_000_000, ID: 2_000_000 };

/** WA, OR and CA founded it; WA and OR ratified (active); CA is admitted only. */
const compactEvents = (rule: VotingRule = RULE): CompactEvent[] => [
  {
    type: 'CompactDrafted',
    data: {
      compactId: 'c1', title: 'T', purpose: 'P', charter: { text: 'x', sha256: 'h', version: 1 }, votingRule: rule,
      foundingStates: ['WA', 'OR', 'CA'], minRatifications: 2, withdrawalNoticeDays: 0, draftedBy: 'WA',
    },
  },
  { type: 'CompactRatified', data: { compactId: 'c1', stateCode: 'WA', ratification: { kind: 'statute', reference: 'r', enactedOn: '2025-01-01' } } },
  { type: 'CompactRatified', data: { compactId: 'c1', stateCode: 'OR', ratification: { kind: 'statute', reference: 'r', enactedOn: '2025-01-01' } } },
  { type: 'CompactActivated', data: { compactId: 'c1', ratifiedStates: ['WA', 'OR'] } },
];
const compactOf = (...events: CompactEvent[]): CompactState => fold(compactDecider, events);
const activeCompact = (rule?: VotingRule) => compactOf(...compactEvents(rule));

const openCommand = (overrides: Partial<OpenProposal['data']> = {}): OpenProposal => ({
  type: 'OpenProposal',
  data: {
    proposalId: 'p1', compactId: 'c1', kind: 'resolution', title: 'Share engines', text: 'Resolved, that...', closesAt: CLOSES,
    proposedBy: 'WA', compact: activeCompact(), populations: POPULATIONS, ...overrides,
  },
});
const opened = (overrides: Partial<Extract<ProposalEvent, { type: 'ProposalOpened' }>['data']> = {}): ProposalEvent => ({
  type: 'ProposalOpened',
  data: {
    proposalId: 'p1', compactId: 'c1', kind: 'resolution', title: 'Share engines', text: 'Resolved, that...', closesAt: CLOSES,
    proposedBy: 'WA', votingRule: RULE, electorate: [{ stateCode: 'WA', weight: 1 }, { stateCode: 'OR', weight: 1 }], openedAt: NOW.toISOString(),
    ...overrides,
  },
});
const cast = (stateCode: string, choice: VoteChoice, castAt = NOW.toISOString()): ProposalEvent => ({
  type: 'VoteCast',
  data: { proposalId: 'p1', compactId: 'c1', stateCode, choice, castAt, castBy: `coordinator-${stateCode}` },
});
const vote = (stateCode: string, choice: VoteChoice, compactStatus: 'active' | 'dissolved' = 'active'): ProposalCommand => ({
  type: 'CastVote',
  data: { stateCode, choice, compactStatus },
});
const closeCommand: ProposalCommand = { type: 'CloseProposal', data: {} };
const closed = (outcome: 'passed' | 'failed', tally: Tally, reason: 'all-voted' | 'closes-at', closedAt = NOW.toISOString()): ProposalEvent => ({
  type: 'ProposalClosed',
  data: { proposalId: 'p1', compactId: 'c1', kind: 'resolution', outcome, tally, closedAt, reason },
});

describe('Proposal', () => {
  describe('opening', () => {
    it('freezes the electorate: the ratified states, one vote each', () => given().when(openCommand()).then([opened()]));

    it('weighs each ratified state by its population under a population-weighted rule', () => {
      const rule: VotingRule = { method: 'population-weighted', quorum: 0.6, threshold: 'two-thirds' };
      given()
        .when(openCommand({ compact: activeCompact(rule) }))
        .then([opened({ votingRule: rule, electorate: [{ stateCode: 'WA', weight: 7_800_000 }, { stateCode: 'OR', weight: 4_200_000 }] })]);
    });

    it('records what an amendment would change', () => {
      const amendment = { charterText: 'Article I, amended.', votingRule: { ...RULE, threshold: 'two-thirds' as const } };
      given().when(openCommand({ kind: 'amendment', amendment })).then([opened({ kind: 'amendment', amendment })]);
    });

    it('answers COMPACT_NOT_ACTIVE for a draft or dissolved compact', () => {
      given().when(openCommand({ compact: compactOf(compactEvents()[0]) })).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE');
      const dissolved = compactOf(...compactEvents(), { type: 'CompactDissolved', data: { compactId: 'c1', proposalId: 'p0' } });
      given().when(openCommand({ compact: dissolved })).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE');
    });

    it('answers NOT_FOUND for an unknown compact', () =>
      given().when(openCommand({ compact: initialCompactState() })).thenThrows(CompactNotFound, 'NOT_FOUND'));

    it('answers NOT_RATIFIED to an admitted state that has not ratified', () =>
      given().when(openCommand({ proposedBy: 'CA' }), { actor: CA }).thenThrows(NotRatified, 'NOT_RATIFIED'));

    it('answers NOT_A_MEMBER to a state outside the compact', () =>
      given().when(openCommand({ proposedBy: 'ID' }), { actor: ID }).thenThrows(NotAMember, 'NOT_A_MEMBER'));

    it('answers 403 FORBIDDEN when proposing for another state', () =>
      given().when(openCommand({ proposedBy: 'OR' }), { actor: WA }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it.each<[string, Partial<OpenProposal['data']>]>([
      ['a closing time in the past', { closesAt: '2026-01-15T11:00:00.000Z' }],
      ['a closing time of now', { closesAt: NOW.toISOString() }],
      ['an amendment that changes nothing', { kind: 'amendment', amendment: {} }],
      ['an amendment with a blank charter', { kind: 'amendment', amendment: { charterText: ' ' } }],
      ['an amendment with a bad voting rule', { kind: 'amendment', amendment: { votingRule: { ...RULE, quorum: 2 } } }],
      ['a resolution carrying an amendment', { amendment: { charterText: 'x' } }],
      ['a blank title', { title: ' ' }],
    ])('refuses %s with VALIDATION_FAILED', (_, overrides) => given().when(openCommand(overrides)).thenThrows(InvalidProposal, 'VALIDATION_FAILED'));

    it('refuses to open the same proposal twice with DUPLICATE', () => given(opened()).when(openCommand()).thenThrows(ProposalAlreadyOpened, 'DUPLICATE'));

    describe('for an admission', () => {
      const applying = compactOf(...compactEvents(), {
        type: 'MembershipApplied',
        data: { compactId: 'c1', stateCode: 'ID', proposalId: 'p1', closesAt: CLOSES },
      });
      const admission = (overrides: Partial<OpenProposal['data']> = {}) =>
        openCommand({ kind: 'admission', proposedBy: 'ID', applicantState: 'ID', compact: applying, ...overrides });
      const admissionOpened = opened({ kind: 'admission', proposedBy: 'ID', applicantState: 'ID' });

      it('is opened for the applicant, the ratified states voting', () => given().when(admission(), { actor: ID }).then([admissionOpened]));

      it('is opened by the platform when the join request was cut short, and only once', () => {
        given().when(admission(), { actor: SYSTEM_ACTOR }).then([admissionOpened]);
        given(admissionOpened).when(admission(), { actor: SYSTEM_ACTOR }).then([]);
        given(admissionOpened).when(admission(), { actor: ID }).then([]);
      });

      it('answers NOT_A_MEMBER when the state has no application awaiting this proposal', () => {
        given().when(admission({ proposalId: 'p-other' }), { actor: ID }).thenThrows(NotAMember, 'NOT_A_MEMBER');
        given().when(admission({ compact: activeCompact() }), { actor: ID }).thenThrows(NotAMember, 'NOT_A_MEMBER');
      });

      it('answers 403 FORBIDDEN when another state opens it', () => given().when(admission(), { actor: WA }).thenThrows(NotAllowed, 'FORBIDDEN'));
    });
  });

  describe('voting', () => {
    it('records a vote of an electorate state', () => given(opened()).when(vote('WA', 'yes')).then([cast('WA', 'yes')]));

    it('lets a state change its vote, keeping every vote', () =>
      given(opened(), cast('WA', 'no')).when(vote('WA', 'yes')).then([cast('WA', 'yes')]));

    it('closes as soon as every electorate state has voted, passing on quorum and threshold', () =>
      given(opened(), cast('WA', 'yes'))
        .when(vote('OR', 'abstain'), { actor: OR })
        .then([cast('OR', 'abstain'), closed('passed', { yes: 1, no: 0, abstain: 1, participation: 1, quorumMet: true, thresholdMet: true }, 'all-voted')]));

    it('closes as failed when the last vote leaves the threshold unmet', () =>
      given(opened(), cast('WA', 'yes'))
        .when(vote('OR', 'no'), { actor: OR })
        .then([cast('OR', 'no'), closed('failed', { yes: 1, no: 1, abstain: 0, participation: 1, quorumMet: true, thresholdMet: false }, 'all-voted')]));

    it('answers NOT_IN_ELECTORATE to a member that had not ratified when the proposal opened', () =>
      given(opened()).when(vote('CA', 'yes'), { actor: CA }).thenThrows(NotInElectorate, 'NOT_IN_ELECTORATE'));

    it('answers PROPOSAL_CLOSED once the proposal has closed', () =>
      given(opened(), cast('WA', 'yes'), cast('OR', 'yes'), closed('passed', { yes: 2, no: 0, abstain: 0, participation: 1, quorumMet: true, thresholdMet: true }, 'all-voted'))
        .when(vote('WA', 'no'))
        .thenThrows(ProposalAlreadyClosed, 'PROPOSAL_CLOSED'));

    it('answers PROPOSAL_CLOSED at closesAt, even before the worker records the closing', () =>
      given(opened()).when(vote('WA', 'yes'), { now: new Date(CLOSES) }).thenThrows(ProposalAlreadyClosed, 'PROPOSAL_CLOSED'));

    it('answers COMPACT_NOT_ACTIVE once the compact is dissolved', () =>
      given(opened()).when(vote('WA', 'yes', 'dissolved')).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE'));

    it('answers 403 FORBIDDEN when voting for another state, and to an admin', () => {
      given(opened()).when(vote('OR', 'yes'), { actor: WA }).thenThrows(NotAllowed, 'FORBIDDEN');
      given(opened()).when(vote('WA', 'yes'), { actor: adminActor }).thenThrows(NotAllowed, 'FORBIDDEN');
    });

    it('answers NOT_FOUND for an unknown proposal', () => given().when(vote('WA', 'yes')).thenThrows(ProposalNotFound, 'NOT_FOUND'));
  });

  describe('closing', () => {
    const noVotes: Tally = { yes: 0, no: 0, abstain: 0, participation: 0, quorumMet: false, thresholdMet: false };

    it('answers PROPOSAL_STILL_OPEN before closesAt while some state has not voted', () =>
      given(opened(), cast('WA', 'yes')).when(closeCommand).thenThrows(ProposalStillOpen, 'PROPOSAL_STILL_OPEN'));

    it('closes after closesAt at the request of the proposing state', () =>
      given(opened(), cast('WA', 'yes'))
        .when(closeCommand, { now: AFTER_CLOSE })
        .then([closed('passed', { yes: 1, no: 0, abstain: 0, participation: 0.5, quorumMet: true, thresholdMet: true }, 'closes-at', AFTER_CLOSE.toISOString())]));

    it('fails for want of a quorum', () =>
      given(opened()).when(closeCommand, { now: AFTER_CLOSE, actor: adminActor }).then([closed('failed', noVotes, 'closes-at', AFTER_CLOSE.toISOString())]));

    it('answers 403 FORBIDDEN to a coordinator of another state', () =>
      given(opened()).when(closeCommand, { now: AFTER_CLOSE, actor: OR }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('answers PROPOSAL_CLOSED to a person closing it again, and records nothing when the deadline fires again', () => {
      const done = closed('failed', noVotes, 'closes-at', AFTER_CLOSE.toISOString());
      given(opened(), done).when(closeCommand, { now: AFTER_CLOSE }).thenThrows(ProposalAlreadyClosed, 'PROPOSAL_CLOSED');
      given(opened(), done).when(closeCommand, { now: AFTER_CLOSE, actor: SYSTEM_ACTOR }).then([]);
    });

    it('is closed by the platform at closesAt', () =>
      given(opened()).when(closeCommand, { now: AFTER_CLOSE, actor: SYSTEM_ACTOR }).then([closed('failed', noVotes, 'closes-at', AFTER_CLOSE.toISOString())]));

    it('answers NOT_FOUND for an unknown proposal', () => given().when(closeCommand).thenThrows(ProposalNotFound, 'NOT_FOUND'));
  });
});
