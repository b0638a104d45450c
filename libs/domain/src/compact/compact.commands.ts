import { Command } from '../shared';
import { Ratification } from './compact.events';
import { VotingRule } from './voting-rule';

export type DraftCompact = Command<
  'DraftCompact',
  {
    compactId: string;
    title: string;
    purpose: string;
    charterText: string;
    votingRule: VotingRule;
    foundingStates: string[];
    minRatifications: number;
    withdrawalNoticeDays: number;
    /** Founding states with no member-state record (looked up by the caller). */
    unregisteredStates: string[];
  }
>;
/** `stateCode` is the state the caller acts for; it must be the caller's own. */
export type RatifyCompact = Command<'RatifyCompact', { stateCode: string; ratification: Ratification }>;
export type ApplyForMembership = Command<'ApplyForMembership', { stateCode: string; proposalId: string; closesAt: string }>;
export type WithdrawFromCompact = Command<'WithdrawFromCompact', { stateCode: string; reason: string }>;

// Applied by the platform (process managers and deadlines), never requested over HTTP.
export type FinaliseWithdrawal = Command<'FinaliseWithdrawal', { stateCode: string }>;
export type AdmitMember = Command<'AdmitMember', { stateCode: string; proposalId: string }>;
export type RejectApplication = Command<'RejectApplication', { stateCode: string; proposalId: string }>;
export type AmendCompact = Command<'AmendCompact', { proposalId: string; charterText?: string; votingRule?: VotingRule }>;
export type DissolveCompact = Command<'DissolveCompact', { proposalId: string }>;

export type CompactCommand =
  | DraftCompact
  | RatifyCompact
  | ApplyForMembership
  | WithdrawFromCompact
  | FinaliseWithdrawal
  | AdmitMember
  | RejectApplication
  | AmendCompact
  | DissolveCompact;

export const compactStreamId = (compactId: string): string => `compact-${compactId}`;
