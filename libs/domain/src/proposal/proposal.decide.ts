import {
  assertActsFor,
  CompactNotActive,
  CompactNotFound,
  compactExists,
  memberStatusOf,
  NotAMember,
  NotRatified,
  ratifiedStatesOf,
  votingRuleProblem,
} from '../compact';
import { assertNever, CommandContext, Decider } from '../shared';
import { CastVote, CloseProposal, OpenProposal, ProposalCommand } from './proposal.commands';
import { InvalidProposal, NotInElectorate, ProposalAlreadyClosed, ProposalAlreadyOpened, ProposalNotFound, ProposalStillOpen } from './proposal.errors';
import { ProposalClosed, ProposalEvent } from './proposal.events';
import { evolveProposal, ExistingProposal, initialProposalState, proposalExists, ProposalState } from './proposal.state';
import { everyoneVoted, outcomeOf, tallyOf } from './tally';

export function decideProposal(command: ProposalCommand, state: ProposalState, context: CommandContext): ProposalEvent[] {
  switch (command.type) {
    case 'OpenProposal':
      return open(command, state, context);
    case 'CastVote':
      if (!proposalExists(state)) throw new ProposalNotFound();
      return vote(command, state, context);
    case 'CloseProposal':
      if (!proposalExists(state)) throw new ProposalNotFound();
      return close(command, state, context);
    default:
      return assertNever(command);
  }
}

function open({ data }: OpenProposal, state: ProposalState, { actor, now }: CommandContext): ProposalEvent[] {
  if (proposalExists(state)) {
    // Opening the same admission proposal again adds nothing: stores from before joins were one
    // atomic append may hold one a repair opened (see docs/operations.md, Migrations).
    if (data.kind === 'admission' && state.kind === 'admission' && state.proposalId === data.proposalId) return [];
    throw new ProposalAlreadyOpened(data.proposalId);
  }
  const { compact } = data;
  if (!compactExists(compact)) throw new CompactNotFound(data.compactId);
  if (compact.status !== 'active') throw new CompactNotActive(`Compact ${data.compactId} is ${compact.status}; only an active compact decides`);

  if (data.kind === 'admission') {
    const applicant = data.applicantState ?? '';
    if (actor.kind !== 'system') assertActsFor(actor, applicant);
    const member = compact.members[applicant];
    if (member?.status !== 'applied' || member.applicationProposalId !== data.proposalId || data.proposedBy !== applicant) {
      throw new NotAMember(applicant, 'has no application awaiting this admission proposal');
    }
  } else {
    assertActsFor(actor, data.proposedBy);
    const status = memberStatusOf(compact, data.proposedBy);
    if (status === undefined || status === 'applied' || status === 'withdrawn') throw new NotAMember(data.proposedBy);
    if (status !== 'ratified') throw new NotRatified(data.proposedBy, status);
  }

  const problem = proposalProblem(data, now);
  if (problem) throw new InvalidProposal(problem);

  const rule = compact.votingRule;
  const electorate = ratifiedStatesOf(compact).map((stateCode) => ({
    stateCode,
    weight: rule.method === 'population-weighted' ? (data.populations[stateCode] ?? 0) : 1,
  }));
  return [
    {
      type: 'ProposalOpened',
      data: {
        proposalId: data.proposalId,
        compactId: data.compactId,
        kind: data.kind,
        title: data.title,
        text: data.text,
        closesAt: new Date(data.closesAt).toISOString(),
        proposedBy: data.proposedBy,
        ...(data.kind === 'admission' ? { applicantState: data.applicantState } : {}),
        ...(data.amendment ? { amendment: amendmentOf(data.amendment) } : {}),
        votingRule: { method: rule.method, quorum: rule.quorum, threshold: rule.threshold },
        electorate,
        openedAt: now.toISOString(),
      },
    },
  ];
}

function proposalProblem(data: OpenProposal['data'], now: Date): string | undefined {
  if (!data.title.trim()) return 'title must not be blank';
  if (!data.text.trim()) return 'text must not be blank';
  const closesAt = Date.parse(data.closesAt);
  if (Number.isNaN(closesAt) || closesAt <= now.getTime()) return 'closesAt must be a time in the future';
  if (data.kind === 'amendment') {
    const { charterText, votingRule } = data.amendment ?? {};
    if (charterText === undefined && votingRule === undefined) return 'an amendment must change amendment.charterText, amendment.votingRule or both';
    if (charterText !== undefined && !charterText.trim()) return 'amendment.charterText must not be blank';
    if (votingRule) return votingRuleProblem(votingRule);
  } else if (data.amendment !== undefined) {
    return `a ${data.kind} proposal takes no amendment`;
  }
  return undefined;
}

const amendmentOf = ({ charterText, votingRule }: NonNullable<OpenProposal['data']['amendment']>) => ({
  ...(charterText !== undefined ? { charterText } : {}),
  ...(votingRule ? { votingRule: { method: votingRule.method, quorum: votingRule.quorum, threshold: votingRule.threshold } } : {}),
});

function vote({ data }: CastVote, state: ExistingProposal, { actor, now }: CommandContext): ProposalEvent[] {
  assertActsFor(actor, data.stateCode);
  if (state.status !== 'open') throw new ProposalAlreadyClosed(`The proposal closed at ${state.closedAt} (${state.status})`);
  // Voting ends at closesAt even if the worker has not recorded the closing yet.
  if (now.getTime() >= Date.parse(state.closesAt)) throw new ProposalAlreadyClosed(`Voting ended at ${state.closesAt}`);
  if (data.compactStatus === 'dissolved') throw new CompactNotActive(`Compact ${state.compactId} has been dissolved`);
  if (!state.electorate.some((seat) => seat.stateCode === data.stateCode)) throw new NotInElectorate(data.stateCode);

  const cast: ProposalEvent = {
    type: 'VoteCast',
    data: { proposalId: state.proposalId, compactId: state.compactId, stateCode: data.stateCode, choice: data.choice, castAt: now.toISOString(), castBy: actor.id },
  };
  const after = evolveProposal(state, cast) as ExistingProposal;
  // The proposal closes as soon as every electorate state has voted, in the same decision.
  if (everyoneVoted(after.electorate, after.votes)) return [cast, closing(after, now, 'all-voted')];
  return [cast];
}

function close(_: CloseProposal, state: ExistingProposal, { actor, now }: CommandContext): ProposalEvent[] {
  if (actor.kind === 'system') {
    // The closing deadline may fire more than once; a closed proposal stays as it closed.
    if (state.status !== 'open') return [];
  } else {
    if (!actor.roles.includes('admin')) assertActsFor(actor, state.proposedBy);
    if (state.status !== 'open') throw new ProposalAlreadyClosed(`The proposal already closed at ${state.closedAt} (${state.status})`);
  }
  const allVoted = everyoneVoted(state.electorate, state.votes);
  if (now.getTime() < Date.parse(state.closesAt) && !allVoted) throw new ProposalStillOpen(state.closesAt);
  return [closing(state, now, allVoted ? 'all-voted' : 'closes-at')];
}

function closing(state: ExistingProposal, now: Date, reason: ProposalClosed['data']['reason']): ProposalClosed {
  const tally = tallyOf(state.electorate, state.votes, state.votingRule);
  return {
    type: 'ProposalClosed',
    data: { proposalId: state.proposalId, compactId: state.compactId, kind: state.kind, outcome: outcomeOf(tally), tally, closedAt: now.toISOString(), reason },
  };
}

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  streamType: 'proposal',
  initialState: initialProposalState,
  evolve: evolveProposal,
  decide: decideProposal,
};
