import { createHash } from 'node:crypto';
import { NotAllowed, SYSTEM_ACTOR } from '../shared';
import { adminActor, coordinatorOf, specFor, testContext } from '../testing';
import { CompactCommand, DraftCompact } from './compact.commands';
import { compactDecider } from './compact.decide';
import {
  AlreadyApplied,
  AlreadyMember,
  AlreadyRatified,
  AlreadyWithdrawing,
  CompactAlreadyDrafted,
  CompactIsDissolved,
  CompactNotActive,
  CompactNotFound,
  InvalidCompact,
  NotAMember,
  NotRatified,
  WithdrawalNotDue,
} from './compact.errors';
import { CompactEvent, Ratification } from './compact.events';
import { initialCompactState, memberStatusOf, ratifiedStatesOf } from './compact.state';
import { VotingRule } from './voting-rule';

const NOW = new Date('2026-01-15T12:00:00.000Z');
const WA = coordinatorOf('WA');
const OR = coordinatorOf('OR');
const CA = coordinatorOf('CA');
const ID = coordinatorOf('ID');
const given = specFor(compactDecider, testContext(WA, NOW));
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const RULE: VotingRule = { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' };
const STATUTE: Ratification = { kind: 'statute', reference: 'RCW 38.10.010', enactedOn: '2025-06-01' };

const draft = (overrides: Partial<DraftCompact['data']> = {}): DraftCompact => ({
  type: 'DraftCompact',
  data: {
    compactId: 'c1',
    title: 'Western Wildfire Compact',
    purpose: 'Share crews and engines during fire season',
    charterText: 'Article I. The party states agree to share resources.',
    votingRule: RULE,
    foundingStates: ['WA', 'OR', 'CA'],
    minRatifications: 2,
    withdrawalNoticeDays: 30,
    unregisteredStates: [],
    ...overrides,
  },
});

const drafted = (withdrawalNoticeDays = 30): CompactEvent => ({
  type: 'CompactDrafted',
  data: {
    compactId: 'c1',
    title: 'Western Wildfire Compact',
    purpose: 'Share crews and engines during fire season',
    charter: { text: 'Article I. The party states agree to share resources.', sha256: sha('Article I. The party states agree to share resources.'), version: 1 },
    votingRule: RULE,
    foundingStates: ['WA', 'OR', 'CA'],
    minRatifications: 2,
    withdrawalNoticeDays,
    draftedBy: 'WA',
  },
});
const ratified = (stateCode: string, ratification = STATUTE): CompactEvent => ({ type: 'CompactRatified', data: { compactId: 'c1', stateCode, ratification } });
const activated: CompactEvent = { type: 'CompactActivated', data: { compactId: 'c1', ratifiedStates: ['WA', 'OR'] } };
const active = (notice = 30): CompactEvent[] => [drafted(notice), ratified('WA'), ratified('OR'), activated];
const applied = (stateCode: string, proposalId = 'p-admit'): CompactEvent => ({
  type: 'MembershipApplied',
  data: { compactId: 'c1', stateCode, proposalId, closesAt: '2026-01-22T12:00:00.000Z' },
});
const admitted = (stateCode: string, proposalId = 'p-admit'): CompactEvent => ({ type: 'MemberAdmitted', data: { compactId: 'c1', stateCode, proposalId } });
const noticeGiven = (stateCode: string, effectiveAt: string): CompactEvent => ({
  type: 'WithdrawalNoticeGiven',
  data: { compactId: 'c1', stateCode, reason: 'Budget', effectiveAt },
});
const withdrawn = (stateCode: string): CompactEvent => ({ type: 'MemberWithdrawn', data: { compactId: 'c1', stateCode } });
const dissolved: CompactEvent = { type: 'CompactDissolved', data: { compactId: 'c1', proposalId: 'p-dissolve' } };

const ratify = (stateCode: string, ratification: Ratification = STATUTE): CompactCommand => ({ type: 'RatifyCompact', data: { stateCode, ratification } });
const apply = (stateCode: string, closesAt = '2026-01-22T12:00:00.000Z', proposalId = 'p-admit'): CompactCommand => ({
  type: 'ApplyForMembership',
  data: { stateCode, proposalId, closesAt },
});
const withdraw = (stateCode: string, reason = 'Budget'): CompactCommand => ({ type: 'WithdrawFromCompact', data: { stateCode, reason } });
const system = { actor: SYSTEM_ACTOR };

describe('Compact', () => {
  describe('drafting', () => {
    it('drafts a compact whose founders start admitted, with the charter digest at version 1', () =>
      given().when(draft()).then([drafted()]));

    it('answers 403 FORBIDDEN when the drafting state is not a founder', () =>
      given().when(draft({ foundingStates: ['OR', 'CA'] })).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('answers 403 FORBIDDEN to a principal with no state (an admin)', () =>
      given().when(draft(), { actor: adminActor }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('refuses to draft the same compact twice with DUPLICATE', () => given(drafted()).when(draft()).thenThrows(CompactAlreadyDrafted, 'DUPLICATE'));

    it.each<[string, Partial<DraftCompact['data']>]>([
      ['a blank title', { title: '  ' }],
      ['a blank charter', { charterText: '' }],
      ['a repeated founding state', { foundingStates: ['WA', 'WA'] , minRatifications: 1 }],
      ['an unregistered founding state', { unregisteredStates: ['CA'] }],
      ['more ratifications than founders', { minRatifications: 4 }],
      ['no ratifications needed', { minRatifications: 0 }],
      ['a negative notice period', { withdrawalNoticeDays: -1 }],
      ['a quorum above 1', { votingRule: { ...RULE, quorum: 1.5 } }],
      ['an unknown threshold', { votingRule: { ...RULE, threshold: 'most' as VotingRule['threshold'] } }],
    ])('refuses %s with VALIDATION_FAILED', (_, overrides) => given().when(draft(overrides)).thenThrows(InvalidCompact, 'VALIDATION_FAILED'));
  });

  describe('ratification', () => {
    it('records the instrument of an admitted state, the compact staying a draft below minRatifications', () =>
      given(drafted()).when(ratify('WA')).then([ratified('WA')]));

    it('activates the compact with the ratification that reaches minRatifications', () =>
      given(drafted(), ratified('WA'))
        .when(ratify('OR', { kind: 'executive-order', reference: 'EO 25-04', enactedOn: '2025-07-01' }), { actor: OR })
        .then([ratified('OR', { kind: 'executive-order', reference: 'EO 25-04', enactedOn: '2025-07-01' }), activated]));

    it('lets a later founder ratify an active compact without activating it again', () =>
      given(...active()).when(ratify('CA', { kind: 'agreement', reference: 'Interstate agreement 7', enactedOn: '2025-08-01' }), { actor: CA }).then([
        ratified('CA', { kind: 'agreement', reference: 'Interstate agreement 7', enactedOn: '2025-08-01' }),
      ]));

    it('answers ALREADY_RATIFIED to a second ratification', () => given(drafted(), ratified('WA')).when(ratify('WA')).thenThrows(AlreadyRatified, 'ALREADY_RATIFIED'));

    it('answers ALREADY_RATIFIED to a withdrawing state', () =>
      given(...active(), noticeGiven('WA', '2026-02-14T12:00:00.000Z')).when(ratify('WA')).thenThrows(AlreadyRatified, 'ALREADY_RATIFIED'));

    it('answers NOT_A_MEMBER to a state outside the compact, an applicant and a withdrawn state', () => {
      given(drafted()).when(ratify('ID'), { actor: ID }).thenThrows(NotAMember, 'NOT_A_MEMBER');
      given(...active(), applied('ID')).when(ratify('ID'), { actor: ID }).thenThrows(NotAMember, 'NOT_A_MEMBER');
      given(...active(0), noticeGiven('WA', NOW.toISOString()), withdrawn('WA')).when(ratify('WA')).thenThrows(NotAMember, 'NOT_A_MEMBER');
    });

    it('answers 403 FORBIDDEN when a coordinator ratifies for another state', () =>
      given(drafted()).when(ratify('OR'), { actor: WA }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('answers 403 FORBIDDEN to an admin, who acts for no state', () =>
      given(drafted()).when(ratify('WA'), { actor: adminActor }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('answers COMPACT_DISSOLVED on a dissolved compact', () =>
      given(...active(), dissolved).when(ratify('CA'), { actor: CA }).thenThrows(CompactIsDissolved, 'COMPACT_DISSOLVED'));

    it('answers NOT_FOUND for a compact that was never drafted', () => given().when(ratify('WA')).thenThrows(CompactNotFound, 'NOT_FOUND'));

    it('refuses an enactment date that is not a date with VALIDATION_FAILED', () =>
      given(drafted()).when(ratify('WA', { ...STATUTE, enactedOn: '2025-13-45' })).thenThrows(InvalidCompact, 'VALIDATION_FAILED'));
  });

  describe('applying for membership', () => {
    it('records the application and the admission proposal that will decide it', () =>
      given(...active()).when(apply('ID'), { actor: ID }).then([applied('ID')]));

    it('answers COMPACT_NOT_ACTIVE to an application to a draft or a dissolved compact', () => {
      given(drafted()).when(apply('ID'), { actor: ID }).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE');
      given(...active(), dissolved).when(apply('ID'), { actor: ID }).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE');
    });

    it('answers ALREADY_MEMBER to a member, whatever its status', () => {
      given(...active()).when(apply('WA')).thenThrows(AlreadyMember, 'ALREADY_MEMBER');
      given(...active()).when(apply('CA'), { actor: CA }).thenThrows(AlreadyMember, 'ALREADY_MEMBER');
      given(...active(), noticeGiven('WA', '2026-02-14T12:00:00.000Z')).when(apply('WA')).thenThrows(AlreadyMember, 'ALREADY_MEMBER');
    });

    it('answers ALREADY_APPLIED while the admission vote is under way', () =>
      given(...active(), applied('ID')).when(apply('ID'), { actor: ID }).thenThrows(AlreadyApplied, 'ALREADY_APPLIED'));

    it('lets a state that withdrew apply again, without its old ratification', () => {
      const history = [...active(0), noticeGiven('WA', NOW.toISOString()), withdrawn('WA'), applied('WA', 'p-again')];
      given(...active(0), noticeGiven('WA', NOW.toISOString()), withdrawn('WA')).when(apply('WA', undefined, 'p-again')).then([applied('WA', 'p-again')]);
      const state = history.reduce(compactDecider.evolve, initialCompactState());
      expect(state.status !== 'none' && state.members.WA).toEqual({ stateCode: 'WA', status: 'applied', applicationProposalId: 'p-again' });
    });

    it('lets a state whose application was rejected apply again', () =>
      given(...active(), applied('ID'), { type: 'ApplicationRejected', data: { compactId: 'c1', stateCode: 'ID', proposalId: 'p-admit' } })
        .when(apply('ID', undefined, 'p-2'), { actor: ID })
        .then([applied('ID', 'p-2')]));

    it('answers 403 FORBIDDEN when applying for another state', () =>
      given(...active()).when(apply('ID'), { actor: WA }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('refuses a closing time in the past with VALIDATION_FAILED', () =>
      given(...active()).when(apply('ID', '2026-01-15T11:59:59.000Z'), { actor: ID }).thenThrows(InvalidCompact, 'VALIDATION_FAILED'));
  });

  describe('withdrawal', () => {
    it('gives notice that takes effect withdrawalNoticeDays later', () =>
      given(...active(30)).when(withdraw('WA')).then([noticeGiven('WA', '2026-02-14T12:00:00.000Z')]));

    it('takes effect at once with no notice period', () =>
      given(...active(0)).when(withdraw('WA')).then([noticeGiven('WA', NOW.toISOString()), withdrawn('WA')]));

    it('answers NOT_RATIFIED to an admitted state that has not ratified', () =>
      given(...active()).when(withdraw('CA'), { actor: CA }).thenThrows(NotRatified, 'NOT_RATIFIED'));

    it('answers ALREADY_WITHDRAWING to a second notice', () =>
      given(...active(), noticeGiven('WA', '2026-02-14T12:00:00.000Z')).when(withdraw('WA')).thenThrows(AlreadyWithdrawing, 'ALREADY_WITHDRAWING'));

    it('answers NOT_A_MEMBER to a state outside the compact and to a withdrawn one', () => {
      given(...active()).when(withdraw('ID'), { actor: ID }).thenThrows(NotAMember, 'NOT_A_MEMBER');
      given(...active(0), noticeGiven('WA', NOW.toISOString()), withdrawn('WA')).when(withdraw('WA')).thenThrows(NotAMember, 'NOT_A_MEMBER');
    });

    it('answers COMPACT_DISSOLVED after dissolution', () => given(...active(), dissolved).when(withdraw('WA')).thenThrows(CompactIsDissolved, 'COMPACT_DISSOLVED'));

    it('answers 403 FORBIDDEN when withdrawing another state', () => given(...active()).when(withdraw('OR'), { actor: WA }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('is finalised by the platform once the notice has run, and only once', () => {
      const notice = noticeGiven('WA', '2026-01-15T12:00:00.000Z');
      const finalise: CompactCommand = { type: 'FinaliseWithdrawal', data: { stateCode: 'WA' } };
      given(...active(), notice).when(finalise, system).then([withdrawn('WA')]);
      given(...active(), notice, withdrawn('WA')).when(finalise, system).then([]);
    });

    it('answers WITHDRAWAL_NOT_DUE to a finalisation before the notice has run', () =>
      given(...active(), noticeGiven('WA', '2026-02-14T12:00:00.000Z'))
        .when({ type: 'FinaliseWithdrawal', data: { stateCode: 'WA' } }, system)
        .thenThrows(WithdrawalNotDue, 'WITHDRAWAL_NOT_DUE'));

    it('lets no person finalise a withdrawal', () =>
      given(...active(), noticeGiven('WA', NOW.toISOString())).when({ type: 'FinaliseWithdrawal', data: { stateCode: 'WA' } }).thenThrows(NotAllowed, 'FORBIDDEN'));
  });

  describe('outcomes of votes', () => {
    const admit: CompactCommand = { type: 'AdmitMember', data: { stateCode: 'ID', proposalId: 'p-admit' } };

    it('admits the applicant of a passed admission', () => given(...active(), applied('ID')).when(admit, system).then([admitted('ID')]));

    it('records nothing when the same outcome is delivered again', () => given(...active(), applied('ID'), admitted('ID')).when(admit, system).then([]));

    it('ignores an outcome for another application of the state (stale)', () =>
      given(...active(), applied('ID', 'p-newer')).when(admit, system).then([]));

    it('removes the applicant of a failed admission, once', () => {
      const reject: CompactCommand = { type: 'RejectApplication', data: { stateCode: 'ID', proposalId: 'p-admit' } };
      const rejected: CompactEvent = { type: 'ApplicationRejected', data: { compactId: 'c1', stateCode: 'ID', proposalId: 'p-admit' } };
      given(...active(), applied('ID')).when(reject, system).then([rejected]);
      given(...active(), applied('ID'), rejected).when(reject, system).then([]);
    });

    it('lets no person admit a state', () => given(...active(), applied('ID')).when(admit, { actor: WA }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('replaces the charter with a new digest and version, and the voting rule', () => {
      const newRule: VotingRule = { method: 'population-weighted', quorum: 0.6, threshold: 'two-thirds' };
      given(...active())
        .when({ type: 'AmendCompact', data: { proposalId: 'p-amend', charterText: 'Article I, amended.', votingRule: newRule } }, system)
        .then([
          {
            type: 'CompactAmended',
            data: { compactId: 'c1', proposalId: 'p-amend', charter: { text: 'Article I, amended.', sha256: sha('Article I, amended.'), version: 2 }, votingRule: newRule },
          },
        ]);
    });

    it('can change the voting rule alone, keeping the charter version', () =>
      given(...active())
        .when({ type: 'AmendCompact', data: { proposalId: 'p-amend', votingRule: { ...RULE, quorum: 1 } } }, system)
        .then([{ type: 'CompactAmended', data: { compactId: 'c1', proposalId: 'p-amend', votingRule: { ...RULE, quorum: 1 } } }]));

    it('applies an amendment once however often it is delivered', () => {
      const amended: CompactEvent = { type: 'CompactAmended', data: { compactId: 'c1', proposalId: 'p-amend', charter: { text: 'v2', sha256: sha('v2'), version: 2 } } };
      given(...active(), amended).when({ type: 'AmendCompact', data: { proposalId: 'p-amend', charterText: 'v2' } }, system).then([]);
      const state = [...active(), amended].reduce(compactDecider.evolve, initialCompactState());
      expect(state.status !== 'none' && state.charter).toEqual({ text: 'v2', sha256: sha('v2'), version: 2 });
    });

    it('dissolves the compact once', () => {
      const dissolve: CompactCommand = { type: 'DissolveCompact', data: { proposalId: 'p-dissolve' } };
      given(...active()).when(dissolve, system).then([dissolved]);
      given(...active(), dissolved).when(dissolve, system).then([]);
    });

    it('applies nothing to a dissolved compact', () =>
      given(...active(), applied('ID'), dissolved).when(admit, system).then([]));
  });

  describe('state helpers', () => {
    it('answers each state\'s membership status and the ratified states in joining order', () => {
      const state = [...active(), applied('ID'), admitted('ID'), ratified('ID'), noticeGiven('OR', '2026-02-14T12:00:00.000Z')].reduce(
        compactDecider.evolve,
        initialCompactState(),
      );
      expect(state.status).toBe('active');
      expect(['WA', 'OR', 'CA', 'ID', 'NV'].map((code) => memberStatusOf(state, code))).toEqual(['ratified', 'withdrawing', 'admitted', 'ratified', undefined]);
      expect(ratifiedStatesOf(state)).toEqual(['WA', 'ID']);
      expect(memberStatusOf(initialCompactState(), 'WA')).toBeUndefined();
    });
  });
});
