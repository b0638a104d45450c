import { Logger } from '@nestjs/common';
import {
  COMPACT_DEADLINE_INPUTS,
  COMPACT_DEADLINES,
  CompactDeadlineInput,
  compactDeadlines,
  compactDecider,
  compactStreamId,
  memberStatusOf,
  proposalDecider,
  ProposalNotFound,
  proposalStreamId,
} from '@coalition/domain';
import { admissionProposal } from '../compacts/admission-proposal';
import { CompactFacts } from '../compacts/compact-facts';
import { Database } from '../database/database';
import { Clock, CommandExecutor, systemClock } from '../event-store/command-executor';
import { EventStore } from '../event-store/event-store';
import { isEventOf, StoredEvent } from '../event-store/stored-event';
import { EventSink } from '../messaging/event-transport';
import { EventTopic, TOPICS } from '../messaging/topics';
import { DeadLetterQueue } from '../projections/dead-letters';
import { Deadline, DeadlineScheduler, scheduleDeadline } from '../scheduling/deadline-scheduler';
import { reactToEach } from './reliable-handling';
import { CausalPayload, causedByDeadline, payloadFields } from './system-command';

export { COMPACT_DEADLINES } from '@coalition/domain';

export interface CompactDeadlinesOptions {
  /**
   * How long after an application its admission proposal must exist before the repair opens
   * it. The join request opens it milliseconds after the application; waiting keeps the
   * repair from racing it, so the applicant's coordinator stays the one who opened it.
   */
  admissionRepairDelayMs?: number;
}

/**
 * Schedules the compact's deadlines from its events and fires them. Scheduling is an upsert
 * by a deterministic id and every handler is idempotent (the aggregates decide nothing for a
 * proposal already closed or a withdrawal already in effect), so redelivered events and
 * re-fired deadlines change nothing. The scheduler polls every 500 ms, well inside the
 * promise that a proposal closes within 5 seconds of closesAt.
 */
export class CompactDeadlines implements EventSink {
  readonly name = 'compact-deadlines';
  private readonly logger = new Logger(CompactDeadlines.name);
  private readonly repairDelayMs: number;

  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly facts: CompactFacts,
    scheduler: DeadlineScheduler,
    private readonly deadLetters: DeadLetterQueue,
    options: CompactDeadlinesOptions = {},
    private readonly clock: Clock = systemClock,
  ) {
    this.repairDelayMs = options.admissionRepairDelayMs ?? 10_000;
    scheduler.register(COMPACT_DEADLINES.proposalClose, (deadline) => this.closeProposal(deadline));
    scheduler.register(COMPACT_DEADLINES.withdrawalEffective, (deadline) => this.finaliseWithdrawal(deadline));
    scheduler.register(COMPACT_DEADLINES.admissionRepair, (deadline) => this.repairAdmission(deadline));
  }

  async handle(topic: EventTopic, partition: number, events: readonly StoredEvent[]): Promise<void> {
    if (topic !== TOPICS.events) return;
    const relevant = events.filter(isEventOf<CompactDeadlineInput>(COMPACT_DEADLINE_INPUTS));
    await reactToEach(`process-manager:${this.name}`, topic, partition, relevant, (event) => this.schedule(event), this.deadLetters);
  }

  private async schedule(event: StoredEvent<CompactDeadlineInput>): Promise<void> {
    const causal: CausalPayload = { causationId: event.eventId, correlationId: event.metadata.correlationId };
    for (const { data } of compactDeadlines(event, event, this.repairDelayMs)) {
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

  /**
   * The proposal normally exists by now. If the join request stopped between its two appends,
   * open the admission proposal now, as the platform; if its closing time has already passed,
   * the application lapses instead, so the state can apply again.
   */
  private async repairAdmission({ payload }: Deadline): Promise<void> {
    const application = payloadFields(payload, 'compactId', 'stateCode', 'proposalId', 'closesAt');
    if (await this.store.lastOfStream(proposalStreamId(application.proposalId))) return;
    const { state: compact } = await this.facts.compact(application.compactId);
    const pending =
      memberStatusOf(compact, application.stateCode) === 'applied' &&
      compact.status !== 'none' &&
      compact.members[application.stateCode]?.applicationProposalId === application.proposalId;
    if (!pending) return;
    const cause = causedByDeadline(application);
    if (Date.parse(application.closesAt) > this.clock.now().getTime()) {
      this.logger.warn(`opening the missing admission proposal ${application.proposalId} for ${application.stateCode}`);
      await this.executor.execute(proposalDecider, {
        streamId: proposalStreamId(application.proposalId),
        command: await admissionProposal(this.facts, application),
        ...cause,
      });
    } else {
      this.logger.warn(`the admission proposal ${application.proposalId} never opened before its closing time; the application of ${application.stateCode} lapses`);
      await this.executor.execute(compactDecider, {
        streamId: compactStreamId(application.compactId),
        command: { type: 'RejectApplication', data: { stateCode: application.stateCode, proposalId: application.proposalId } },
        ...cause,
      });
    }
  }
}
