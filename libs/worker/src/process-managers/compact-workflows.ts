import { Database } from '@coalition/platform';
import { CommandExecutor, EventSink, EventStore } from '@coalition/event-store';
import { CompactFacts, DeadLetterQueue } from '@coalition/read-side';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { CompactDeadlines } from './compact-deadlines';
import { ProposalOutcomesProcessManager } from './proposal-outcomes.process-manager';

/**
 * The worker side of compacts and proposals: vote outcomes applied to the compact, and the
 * deadlines (proposal closing, withdrawal taking effect). Built once per
 * worker runtime, which feeds it events after the projections.
 */
export class CompactWorkflows {
  readonly outcomes: ProposalOutcomesProcessManager;
  readonly deadlines: CompactDeadlines;

  constructor(
    db: Database,
    store: EventStore,
    executor: CommandExecutor,
    scheduler: DeadlineScheduler,
    deadLetters: DeadLetterQueue,
  ) {
    const facts = new CompactFacts(store);
    this.outcomes = new ProposalOutcomesProcessManager(executor, facts, deadLetters);
    this.deadlines = new CompactDeadlines(db, executor, scheduler, deadLetters);
  }

  get sinks(): EventSink[] {
    return [this.deadlines, this.outcomes];
  }
}
