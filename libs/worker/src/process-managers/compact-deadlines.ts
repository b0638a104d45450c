import {
  COMPACT_DEADLINE_INPUTS,
  COMPACT_DEADLINES,
  CompactDeadlineInput,
  compactDeadlines,
  compactDecider,
  compactStreamId,
  proposalDecider,
  ProposalNotFound,
  proposalStreamId,
} from '@coalition/domain';
import { Database } from '@coalition/platform';
import { CommandExecutor, Deadline, EventSink, EventTopic, isEventOf, scheduleDeadline, StoredEvent, TOPICS } from '@coalition/event-store';
import { DeadLetterQueue } from '@coalition/read-side';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { reactToEach } from './reliable-handling';
import { CausalPayload, causedByDeadline, payloadFields } from './system-command';

export { COMPACT_DEADLINES } from '@coalition/domain';

/**
 * Schedules the compact's deadlines from its events and fires them. Scheduling is an upsert
 * by a deterministic id and every handler is idempotent (the aggregates decide nothing for a
 * proposal already closed or a withdrawal already in effect), so redelivered events and
 * re-fired deadlines change nothing. The scheduler polls every 500 ms, well inside the
 * promise that a proposal closes within 5 seconds of closesAt.
 */
export class CompactDeadlines implements EventSink {
  readonly name = 'compact-deadlines';

  constructor(
    private readonly db: Database,
    private readonly executor: CommandExecutor,
    scheduler: DeadlineScheduler,
    private readonly deadLetters: DeadLetterQueue,
  ) {
    scheduler.register(COMPACT_DEADLINES.proposalClose, (deadline) => this.closeProposal(deadline));
    scheduler.register(COMPACT_DEADLINES.withdrawalEffective, (deadline) => this.finaliseWithdrawal(deadline));
  }

  async handle(topic: EventTopic, partition: number, events: readonly StoredEvent[]): Promise<void> {
    if (topic !== TOPICS.events) return;
    const relevant = events.filter(isEventOf<CompactDeadlineInput>(COMPACT_DEADLINE_INPUTS));
    await reactToEach(`process-manager:${this.name}`, topic, partition, relevant, (event) => this.schedule(event), this.deadLetters);
  }

  private async schedule(event: StoredEvent<CompactDeadlineInput>): Promise<void> {
    const causal: CausalPayload = { causationId: event.eventId, correlationId: event.metadata.correlationId };
    for (const { data } of compactDeadlines(event, event)) {
      await scheduleDeadline(this.db, { ...data, dueAt: new Date(data.dueAt), payload: { ...data.payload, ...causal } });
    }
  }

  private async closeProposal({ payload }: Deadline): Promise<void> {
    const closing = payloadFields(payload, 'proposalId');
    try {
      await this.executor.execute(proposalDecider, {
        streamId: proposalStreamId(closing.proposalId),
        command: { type: 'CloseProposal', data: {} },
        ...causedByDeadline(closing),
      });
    } catch (error) {
      if (error instanceof ProposalNotFound) return;
      throw error; // e.g. PROPOSAL_STILL_OPEN on clock skew: the scheduler retries shortly
    }
  }

  private async finaliseWithdrawal({ payload }: Deadline): Promise<void> {
    const withdrawal = payloadFields(payload, 'compactId', 'stateCode');
    await this.executor.execute(compactDecider, {
      streamId: compactStreamId(withdrawal.compactId),
      command: { type: 'FinaliseWithdrawal', data: { stateCode: withdrawal.stateCode } },
      ...causedByDeadline(withdrawal),
    });
  }
}
