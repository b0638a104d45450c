import { assertNever } from '../shared';
import { Charter } from './charter';
import { CompactEvent, Ratification } from './compact.events';
import { VotingRule } from './voting-rule';

export type CompactStatus = 'draft' | 'active' | 'dissolved';
export type MemberStatus = 'applied' | 'admitted' | 'ratified' | 'withdrawing' | 'withdrawn';

export interface CompactMember {
  stateCode: string;
  status: MemberStatus;
  ratification?: Ratification;
  /** When a `withdrawing` member's withdrawal takes (or took) effect. */
  effectiveAt?: string;
  /** The admission proposal of an `applied` state. */
  applicationProposalId?: string;
}

export interface ExistingCompact {
  status: CompactStatus;
  compactId: string;
  title: string;
  purpose: string;
  charter: Charter;
  votingRule: VotingRule;
  minRatifications: number;
  withdrawalNoticeDays: number;
  draftedBy: string;
  /** By state code, in the order states joined (founders first). */
  members: Readonly<Record<string, CompactMember>>;
  /**
   * Proposals whose outcome this compact has applied. Outcomes arrive from process managers
   * at least once; remembering them makes a redelivered outcome record nothing.
   */
  appliedProposals: readonly string[];
}

/** `none` before the compact is drafted; otherwise its lifecycle status. */
export type CompactState = { status: 'none' } | ExistingCompact;

export const initialCompactState = (): CompactState => ({ status: 'none' });

export const compactExists = (state: CompactState): state is ExistingCompact => state.status !== 'none';

/** A state's membership status in the compact, or undefined when it is not (or no longer an applicant) in it. */
export function memberStatusOf(state: CompactState, stateCode: string): MemberStatus | undefined {
  return compactExists(state) ? state.members[stateCode]?.status : undefined;
}

/** The states that have ratified and not begun to withdraw, in joining order: a proposal's electorate. */
export function ratifiedStatesOf(state: CompactState): string[] {
  if (!compactExists(state)) return [];
  return Object.values(state.members)
    .filter((member) => member.status === 'ratified')
    .map((member) => member.stateCode);
}

function withMember(state: ExistingCompact, stateCode: string, change: (member: CompactMember | undefined) => CompactMember | undefined): ExistingCompact {
  const members = { ...state.members };
  const next = change(members[stateCode]);
  if (next) members[stateCode] = next;
  else delete members[stateCode];
  return { ...state, members };
}

const applied = (state: ExistingCompact, proposalId: string): ExistingCompact => ({
  ...state,
  appliedProposals: [...state.appliedProposals, proposalId],
});

export function evolveCompact(state: CompactState, event: CompactEvent): CompactState {
  if (event.type === 'CompactDrafted') {
    const { foundingStates, ...data } = event.data;
    return {
      status: 'draft',
      ...data,
      members: Object.fromEntries(foundingStates.map((stateCode) => [stateCode, { stateCode, status: 'admitted' as const }])),
      appliedProposals: [],
    };
  }
  if (!compactExists(state)) return state;
  switch (event.type) {
    case 'CompactRatified':
      return withMember(state, event.data.stateCode, (member) => ({
        stateCode: event.data.stateCode,
        ...member,
        status: 'ratified',
        ratification: event.data.ratification,
      }));
    case 'CompactActivated':
      return { ...state, status: 'active' };
    case 'MembershipApplied':
      // A fresh start: a state that withdrew earlier applies anew, without its old instrument.
      return withMember(state, event.data.stateCode, () => ({
        stateCode: event.data.stateCode,
        status: 'applied',
        applicationProposalId: event.data.proposalId,
      }));
    case 'MemberAdmitted':
      return applied(withMember(state, event.data.stateCode, () => ({ stateCode: event.data.stateCode, status: 'admitted' })), event.data.proposalId);
    case 'ApplicationRejected':
      return applied(withMember(state, event.data.stateCode, () => undefined), event.data.proposalId);
    case 'WithdrawalNoticeGiven':
      return withMember(state, event.data.stateCode, (member) => member && { ...member, status: 'withdrawing', effectiveAt: event.data.effectiveAt });
    case 'MemberWithdrawn':
      return withMember(state, event.data.stateCode, (member) => member && { ...member, status: 'withdrawn' });
    case 'CompactAmended':
      return applied(
        {
          ...state,
          ...(event.data.charter ? { charter: event.data.charter } : {}),
          ...(event.data.votingRule ? { votingRule: event.data.votingRule } : {}),
        },
        event.data.proposalId,
      );
    case 'CompactDissolved':
      return applied({ ...state, status: 'dissolved' }, event.data.proposalId);
    default:
      return assertNever(event);
  }
}
