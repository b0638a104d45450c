import { compactDecider, compactStreamId, initialProposalState, outcomeNeedsProposal, ProposalClosed, proposalOutcome } from '@coalition/domain';
import { CommandExecutor, EventSink, EventTopic, isEventOf, StoredEvent, TOPICS } from '@coalition/event-store';
import { CompactFacts, DeadLetterQueue } from '@coalition/read-side';
import { reactToEach } from './reliable-handling';
import { causedBy } from './system-command';

/**
 * Turns a closed proposal into what it decided: a passed admission admits the applicant (a
 * failed one ends the application), a passed amendment replaces the charter and/or voting
 * rule, a passed dissolution dissolves the compact. Delivery is at least once; exactly-once
 * effect comes from the compact itself, which remembers the proposals it has applied and
 * decides nothing new for a repeat.
 */
export class ProposalOutcomesProcessManager implements EventSink {
  readonly name = 'proposal-outcomes';
  constructor(
    private readonly executor: CommandExecutor,
    private readonly facts: CompactFacts,
    private readonly deadLetters: DeadLetterQueue,
  ) {}

  async handle(topic: EventTopic, partition: number, events: readonly StoredEvent[]): Promise<void> {
    if (topic !== TOPICS.events) return;
    const closings = events.filter(isEventOf<ProposalClosed>(['ProposalClosed']));
    await reactToEach(`process-manager:${this.name}`, topic, partition, closings, (event) => this.apply(event), this.deadLetters);
  }

  private async apply(closed: StoredEvent<ProposalClosed>): Promise<void> {
    const { proposalId, kind, compactId } = closed.data;
    const proposal = outcomeNeedsProposal(kind) ? (await this.facts.proposal(proposalId)).state : initialProposalState();
    for (const command of proposalOutcome(closed, proposal)) {
      await this.executor.execute(compactDecider, { streamId: compactStreamId(compactId), command, ...causedBy(closed) });
    }
  }
}
