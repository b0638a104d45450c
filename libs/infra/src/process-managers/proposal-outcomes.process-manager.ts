import { CompactCommand, compactDecider, compactStreamId, ProposalClosed, proposalExists } from '@coalition/domain';
import { CompactFacts } from '../compacts/compact-facts';
import { CommandExecutor } from '../event-store/command-executor';
import { StoredEvent } from '../event-store/stored-event';
import { EventSink } from '../messaging/event-transport';
import { EventTopic, TOPICS } from '../messaging/topics';
import { DeadLetterQueue } from '../projections/dead-letters';
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
    const closings = events.filter((event) => event.type === 'ProposalClosed');
    await reactToEach(`process-manager:${this.name}`, topic, partition, closings, (event) => this.apply(event), this.deadLetters);
  }

  private async apply(stored: StoredEvent): Promise<void> {
    const closed = stored as unknown as ProposalClosed & StoredEvent;
    const command = await this.outcomeOf(closed);
    if (!command) return;
    await this.executor.execute(compactDecider, {
      streamId: compactStreamId(closed.data.compactId),
      command,
      ...causedBy(stored),
    });
  }

  private async outcomeOf({ data }: ProposalClosed): Promise<CompactCommand | undefined> {
    const passed = data.outcome === 'passed';
    switch (data.kind) {
      case 'admission': {
        const { state } = await this.facts.proposal(data.proposalId);
        if (!proposalExists(state) || !state.applicantState) return undefined;
        const outcome = { stateCode: state.applicantState, proposalId: data.proposalId };
        return passed ? { type: 'AdmitMember', data: outcome } : { type: 'RejectApplication', data: outcome };
      }
      case 'amendment': {
        if (!passed) return undefined;
        const { state } = await this.facts.proposal(data.proposalId);
        if (!proposalExists(state) || !state.amendment) return undefined;
        return { type: 'AmendCompact', data: { proposalId: data.proposalId, ...state.amendment } };
      }
      case 'dissolution':
        return passed ? { type: 'DissolveCompact', data: { proposalId: data.proposalId } } : undefined;
      case 'resolution':
        return undefined;
    }
  }
}
