import { DomainEvent } from '../shared';
import { Charter } from './charter';
import { VotingRule } from './voting-rule';

export const RATIFICATION_KINDS = ['statute', 'executive-order', 'agreement'] as const;
export type RatificationKind = (typeof RATIFICATION_KINDS)[number];

/** The instrument by which a state bound itself: a statute, an executive order or an agreement. */
export interface Ratification {
  kind: RatificationKind;
  /** The citation, e.g. "RCW 38.10.010" or "Executive Order 24-03". */
  reference: string;
  /** YYYY-MM-DD. */
  enactedOn: string;
}

export type CompactDrafted = DomainEvent<
  'CompactDrafted',
  {
    compactId: string;
    title: string;
    purpose: string;
    charter: Charter;
    votingRule: VotingRule;
    /** They start `admitted`, in this order. */
    foundingStates: string[];
    minRatifications: number;
    withdrawalNoticeDays: number;
    draftedBy: string;
  }
>;
export type CompactRatified = DomainEvent<'CompactRatified', { compactId: string; stateCode: string; ratification: Ratification }>;
/** Recorded with the ratification that reached `minRatifications`. */
export type CompactActivated = DomainEvent<'CompactActivated', { compactId: string; ratifiedStates: string[] }>;
/** The applicant's admission is decided by the proposal `proposalId`, which closes at `closesAt`. */
export type MembershipApplied = DomainEvent<
  'MembershipApplied',
  { compactId: string; stateCode: string; proposalId: string; closesAt: string }
>;
export type MemberAdmitted = DomainEvent<'MemberAdmitted', { compactId: string; stateCode: string; proposalId: string }>;
export type ApplicationRejected = DomainEvent<'ApplicationRejected', { compactId: string; stateCode: string; proposalId: string }>;
export type WithdrawalNoticeGiven = DomainEvent<
  'WithdrawalNoticeGiven',
  { compactId: string; stateCode: string; reason: string; effectiveAt: string }
>;
export type MemberWithdrawn = DomainEvent<'MemberWithdrawn', { compactId: string; stateCode: string }>;
/** A passed amendment: a new charter (text, digest, version), a new voting rule, or both. */
export type CompactAmended = DomainEvent<
  'CompactAmended',
  { compactId: string; proposalId: string; charter?: Charter; votingRule?: VotingRule }
>;
export type CompactDissolved = DomainEvent<'CompactDissolved', { compactId: string; proposalId: string }>;

export type CompactEvent =
  | CompactDrafted
  | CompactRatified
  | CompactActivated
  | MembershipApplied
  | MemberAdmitted
  | ApplicationRejected
  | WithdrawalNoticeGiven
  | MemberWithdrawn
  | CompactAmended
  | CompactDissolved;

export const COMPACT_EVENT_TYPES: readonly CompactEvent['type'][] = [
  'CompactDrafted',
  'CompactRatified',
  'CompactActivated',
  'MembershipApplied',
  'MemberAdmitted',
  'ApplicationRejected',
  'WithdrawalNoticeGiven',
  'MemberWithdrawn',
  'CompactAmended',
  'CompactDissolved',
];
