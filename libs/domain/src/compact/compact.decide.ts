import { assertNever, CommandContext, Decider, NotAllowed, STATE_CODE_PATTERN } from '../shared';
import { assertActsFor, assertSystem } from './acting-state';
import { charterOf } from './charter';
import {
  AdmitMember,
  AmendCompact,
  ApplyForMembership,
  CompactCommand,
  DissolveCompact,
  DraftCompact,
  FinaliseWithdrawal,
  RatifyCompact,
  RejectApplication,
  WithdrawFromCompact,
} from './compact.commands';
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
import { CompactEvent, RATIFICATION_KINDS } from './compact.events';
import { compactExists, CompactMember, CompactState, evolveCompact, ExistingCompact, initialCompactState } from './compact.state';
import { votingRuleProblem } from './voting-rule';

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function decideCompact(command: CompactCommand, state: CompactState, context: CommandContext): CompactEvent[] {
  if (command.type === 'DraftCompact') return draft(command, state, context);
  if (!compactExists(state)) throw new CompactNotFound();
  switch (command.type) {
    case 'RatifyCompact':
      return ratify(command, state, context);
    case 'ApplyForMembership':
      return apply(command, state, context);
    case 'WithdrawFromCompact':
      return withdraw(command, state, context);
    case 'FinaliseWithdrawal':
      return finaliseWithdrawal(command, state, context);
    case 'AdmitMember':
    case 'RejectApplication':
      return decideAdmission(command, state, context);
    case 'AmendCompact':
      return amend(command, state, context);
    case 'DissolveCompact':
      return dissolve(command, state, context);
    default:
      return assertNever(command);
  }
}

function draft({ data }: DraftCompact, state: CompactState, { actor }: CommandContext): CompactEvent[] {
  // The drafter must be one of the founders: no state commits others to a compact it is not in.
  if (!actor.stateCode || !data.foundingStates.includes(actor.stateCode)) {
    throw new NotAllowed('The drafting state must be one of the founding states');
  }
  assertActsFor(actor, actor.stateCode);
  if (compactExists(state)) throw new CompactAlreadyDrafted(data.compactId);
  const problem = draftProblem(data);
  if (problem) throw new InvalidCompact(problem);
  return [
    {
      type: 'CompactDrafted',
      data: {
        compactId: data.compactId,
        title: data.title,
        purpose: data.purpose,
        charter: charterOf(data.charterText, 1),
        votingRule: { method: data.votingRule.method, quorum: data.votingRule.quorum, threshold: data.votingRule.threshold },
        foundingStates: [...data.foundingStates],
        minRatifications: data.minRatifications,
        withdrawalNoticeDays: data.withdrawalNoticeDays,
        draftedBy: actor.stateCode,
      },
    },
  ];
}

function draftProblem(data: DraftCompact['data']): string | undefined {
  if (!data.title.trim()) return 'title must not be blank';
  if (!data.charterText.trim()) return 'charter.text must not be blank';
  if (data.foundingStates.length === 0) return 'foundingStates must name at least one state';
  const bad = data.foundingStates.find((code) => !STATE_CODE_PATTERN.test(code));
  if (bad !== undefined) return `foundingStates: ${bad} is not a state code`;
  if (new Set(data.foundingStates).size !== data.foundingStates.length) return 'foundingStates must not repeat a state';
  if (data.unregisteredStates.length > 0) return `foundingStates: ${data.unregisteredStates.join(', ')} not registered`;
  if (!Number.isInteger(data.minRatifications) || data.minRatifications < 1) return 'minRatifications must be a whole number of at least 1';
  // Only admitted states can ratify and a draft admits no one, so more would never activate.
  if (data.minRatifications > data.foundingStates.length) {
    return `minRatifications (${data.minRatifications}) cannot exceed the number of founding states (${data.foundingStates.length})`;
  }
  if (!Number.isInteger(data.withdrawalNoticeDays) || data.withdrawalNoticeDays < 0) return 'withdrawalNoticeDays must be a whole number of at least 0';
  return votingRuleProblem(data.votingRule);
}

function ratify({ data }: RatifyCompact, state: ExistingCompact, { actor }: CommandContext): CompactEvent[] {
  assertActsFor(actor, data.stateCode);
  if (state.status === 'dissolved') throw new CompactIsDissolved(state.compactId);
  const { kind, reference, enactedOn } = data.ratification;
  if (!RATIFICATION_KINDS.includes(kind)) throw new InvalidCompact(`kind must be one of ${RATIFICATION_KINDS.join(', ')}`);
  if (!reference.trim()) throw new InvalidCompact('reference must not be blank');
  if (!DATE_ONLY.test(enactedOn) || Number.isNaN(Date.parse(enactedOn))) throw new InvalidCompact('enactedOn must be a date (YYYY-MM-DD)');

  const member = admittedMember(state, data.stateCode);
  if (member.status !== 'admitted') throw new AlreadyRatified(data.stateCode);
  const ratified: CompactEvent = {
    type: 'CompactRatified',
    data: { compactId: state.compactId, stateCode: data.stateCode, ratification: { kind, reference, enactedOn } },
  };
  const after = evolveCompact(state, ratified) as ExistingCompact;
  const ratifiedStates = Object.values(after.members).filter((m) => m.status === 'ratified').map((m) => m.stateCode);
  if (state.status === 'draft' && ratifiedStates.length >= state.minRatifications) {
    return [ratified, { type: 'CompactActivated', data: { compactId: state.compactId, ratifiedStates } }];
  }
  return [ratified];
}

function apply({ data }: ApplyForMembership, state: ExistingCompact, { actor, now }: CommandContext): CompactEvent[] {
  assertActsFor(actor, data.stateCode);
  if (state.status !== 'active') throw new CompactNotActive(`Compact ${state.compactId} is ${state.status}; only an active compact admits states`);
  const member = state.members[data.stateCode];
  if (member?.status === 'applied') throw new AlreadyApplied(data.stateCode, member.applicationProposalId);
  if (member && member.status !== 'withdrawn') throw new AlreadyMember(data.stateCode, member.status);
  const closesAt = Date.parse(data.closesAt);
  if (Number.isNaN(closesAt) || closesAt <= now.getTime()) throw new InvalidCompact('closesAt must be a time in the future');
  return [
    {
      type: 'MembershipApplied',
      data: { compactId: state.compactId, stateCode: data.stateCode, proposalId: data.proposalId, closesAt: new Date(closesAt).toISOString() },
    },
  ];
}

function withdraw({ data }: WithdrawFromCompact, state: ExistingCompact, { actor, now }: CommandContext): CompactEvent[] {
  assertActsFor(actor, data.stateCode);
  if (state.status === 'dissolved') throw new CompactIsDissolved(state.compactId);
  if (!data.reason.trim()) throw new InvalidCompact('reason must not be blank');
  const member = admittedMember(state, data.stateCode);
  if (member.status === 'admitted') throw new NotRatified(data.stateCode, member.status);
  if (member.status === 'withdrawing') throw new AlreadyWithdrawing(data.stateCode, member.effectiveAt);
  const effectiveAt = new Date(now.getTime() + state.withdrawalNoticeDays * DAY_MS).toISOString();
  const notice: CompactEvent = {
    type: 'WithdrawalNoticeGiven',
    data: { compactId: state.compactId, stateCode: data.stateCode, reason: data.reason, effectiveAt },
  };
  // With no notice period the withdrawal takes effect in the same decision.
  if (state.withdrawalNoticeDays === 0) return [notice, { type: 'MemberWithdrawn', data: { compactId: state.compactId, stateCode: data.stateCode } }];
  return [notice];
}

type AdmittedMember = CompactMember & { status: 'admitted' | 'ratified' | 'withdrawing' };

/** The state as a member admitted to the compact; NotAMember for one that only applied, or has left. */
function admittedMember(state: ExistingCompact, stateCode: string): AdmittedMember {
  const member = state.members[stateCode];
  switch (member?.status) {
    case undefined:
    case 'withdrawn':
      throw new NotAMember(stateCode);
    case 'applied':
      throw new NotAMember(stateCode, 'has applied but is not admitted yet');
    case 'admitted':
    case 'ratified':
    case 'withdrawing':
      return { ...member, status: member.status };
    default:
      return assertNever(member.status);
  }
}

function finaliseWithdrawal({ data }: FinaliseWithdrawal, state: ExistingCompact, { actor, now }: CommandContext): CompactEvent[] {
  assertSystem(actor, 'A withdrawal taking effect');
  const member = state.members[data.stateCode];
  // Idempotent: a deadline fired twice, or for a state that re-applied since, changes nothing.
  if (member?.status !== 'withdrawing' || !member.effectiveAt) return [];
  if (Date.parse(member.effectiveAt) > now.getTime()) throw new WithdrawalNotDue(data.stateCode, member.effectiveAt);
  return [{ type: 'MemberWithdrawn', data: { compactId: state.compactId, stateCode: data.stateCode } }];
}

/**
 * Outcomes are idempotent by proposal id: redelivery records nothing. An outcome that no longer
 * fits (the compact was dissolved meanwhile, the applicant is no longer pending) is stale and
 * also records nothing, rather than failing a message that can never succeed.
 */
function decideAdmission(command: AdmitMember | RejectApplication, state: ExistingCompact, { actor }: CommandContext): CompactEvent[] {
  assertSystem(actor, 'An admission outcome');
  const { stateCode, proposalId } = command.data;
  if (state.appliedProposals.includes(proposalId) || state.status === 'dissolved') return [];
  const member = state.members[stateCode];
  if (member?.status !== 'applied' || member.applicationProposalId !== proposalId) return [];
  const type = command.type === 'AdmitMember' ? 'MemberAdmitted' : 'ApplicationRejected';
  return [{ type, data: { compactId: state.compactId, stateCode, proposalId } }];
}

function amend({ data }: AmendCompact, state: ExistingCompact, { actor }: CommandContext): CompactEvent[] {
  assertSystem(actor, 'An amendment');
  if (state.appliedProposals.includes(data.proposalId) || state.status === 'dissolved') return [];
  if (data.charterText === undefined && data.votingRule === undefined) throw new InvalidCompact('an amendment changes the charter text, the voting rule or both');
  const ruleProblem = data.votingRule ? votingRuleProblem(data.votingRule) : undefined;
  if (ruleProblem) throw new InvalidCompact(ruleProblem);
  return [
    {
      type: 'CompactAmended',
      data: {
        compactId: state.compactId,
        proposalId: data.proposalId,
        ...(data.charterText !== undefined ? { charter: charterOf(data.charterText, state.charter.version + 1) } : {}),
        ...(data.votingRule ? { votingRule: { ...data.votingRule } } : {}),
      },
    },
  ];
}

function dissolve({ data }: DissolveCompact, state: ExistingCompact, { actor }: CommandContext): CompactEvent[] {
  assertSystem(actor, 'A dissolution');
  if (state.appliedProposals.includes(data.proposalId) || state.status === 'dissolved') return [];
  return [{ type: 'CompactDissolved', data: { compactId: state.compactId, proposalId: data.proposalId } }];
}

export const compactDecider: Decider<CompactCommand, CompactEvent, CompactState> = {
  streamType: 'compact',
  initialState: initialCompactState,
  evolve: evolveCompact,
  decide: decideCompact,
};
