import { MembershipApplied, WithdrawalNoticeGiven } from '../compact';
import { ProposalOpened } from '../proposal';

export const COMPACT_DEADLINES = {
  /** Closes a proposal at its closesAt. */
  proposalClose: 'proposal-close',
  /** Makes a withdrawal take effect at its effectiveAt. */
  withdrawalEffective: 'withdrawal-effective',
  /** Opens an admission proposal a join request recorded but did not get to open. */
  admissionRepair: 'admission-repair',
} as const;

export type CompactDeadlineKind = (typeof COMPACT_DEADLINES)[keyof typeof COMPACT_DEADLINES];

/** A deadline to schedule: an upsert by `id`, so scheduling the same one twice changes nothing. */
export interface ScheduleDeadline {
  type: 'ScheduleDeadline';
  data: { id: string; kind: CompactDeadlineKind; dueAt: string; payload: Record<string, string> };
}

export type CompactDeadlineInput = ProposalOpened | WithdrawalNoticeGiven | MembershipApplied;

export const COMPACT_DEADLINE_INPUTS: readonly CompactDeadlineInput['type'][] = ['ProposalOpened', 'WithdrawalNoticeGiven', 'MembershipApplied'];

/** Where the input event sits in the store: its id and when it was recorded. */
export interface RecordedAs {
  eventId: string;
  recordedAt: string;
}

/**
 * The deadlines a compact event sets (Emmett's workflow shape: event in, commands out). Ids are
 * deterministic, so a redelivered event schedules nothing new.
 */
export function compactDeadlines(event: CompactDeadlineInput, recorded: RecordedAs, admissionRepairDelayMs: number): ScheduleDeadline[] {
  switch (event.type) {
    case 'ProposalOpened': {
      const { proposalId, closesAt } = event.data;
      return [schedule(COMPACT_DEADLINES.proposalClose, proposalId, closesAt, { proposalId })];
    }
    case 'WithdrawalNoticeGiven': {
      // One deadline per notice: a state that withdraws, rejoins and withdraws again gets a fresh one.
      const { compactId, stateCode, effectiveAt } = event.data;
      return [schedule(COMPACT_DEADLINES.withdrawalEffective, recorded.eventId, effectiveAt, { compactId, stateCode })];
    }
    case 'MembershipApplied': {
      const { compactId, stateCode, proposalId, closesAt } = event.data;
      const dueAt = new Date(Date.parse(recorded.recordedAt) + admissionRepairDelayMs).toISOString();
      return [schedule(COMPACT_DEADLINES.admissionRepair, proposalId, dueAt, { compactId, stateCode, proposalId, closesAt })];
    }
  }
}

function schedule(kind: CompactDeadlineKind, key: string, dueAt: string, payload: Record<string, string>): ScheduleDeadline {
  return { type: 'ScheduleDeadline', data: { id: `${kind}:${key}`, kind, dueAt, payload } };
}
