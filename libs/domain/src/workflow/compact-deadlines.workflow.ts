import { WithdrawalNoticeGiven } from '../compact';
import { ProposalOpened } from '../proposal';

export const COMPACT_DEADLINES = {
  /** Closes a proposal at its closesAt. */
  proposalClose: 'proposal-close',
  /** Makes a withdrawal take effect at its effectiveAt. */
  withdrawalEffective: 'withdrawal-effective',
} as const;

export type CompactDeadlineKind = (typeof COMPACT_DEADLINES)[keyof typeof COMPACT_DEADLINES];

/** A deadline to schedule: an upsert by `id`, so scheduling the same one twice changes nothing. */
export interface ScheduleDeadline {
  type: 'ScheduleDeadline';
  data: { id: string; kind: CompactDeadlineKind; dueAt: string; payload: Record<string, string> };
}

export type CompactDeadlineInput = ProposalOpened | WithdrawalNoticeGiven;

export const COMPACT_DEADLINE_INPUTS: readonly CompactDeadlineInput['type'][] = ['ProposalOpened', 'WithdrawalNoticeGiven'];

/** Where the input event sits in the store: its id. */
export interface RecordedAs {
  eventId: string;
}

/**
 * The deadlines a compact event sets (Emmett's workflow shape: event in, commands out). Ids are
 * deterministic, so a redelivered event schedules nothing new.
 */
export function compactDeadlines(event: CompactDeadlineInput, recorded: RecordedAs): ScheduleDeadline[] {
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
  }
}

function schedule(kind: CompactDeadlineKind, key: string, dueAt: string, payload: Record<string, string>): ScheduleDeadline {
  return { type: 'ScheduleDeadline', data: { id: `${kind}:${key}`, kind, dueAt, payload } };
}
