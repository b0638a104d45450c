import {
  compactDecider,
  CompactState,
  compactStreamId,
  fold,
  memberStateDecider,
  memberStateStreamId,
  proposalDecider,
  ProposalState,
  proposalStreamId,
  ratifiedStatesOf,
} from '@coalition/domain';
import { eventsOf, EventStore, FoldedStream } from '@coalition/event-store';

/**
 * Facts from other aggregates that a decision needs (the compact's membership and voting rule,
 * the states' populations), read from the event store itself rather than a read model, so a
 * decision never rests on a projection that lags. The api handlers and the process managers
 * both gather facts here and pass them in command data, which keeps `decide` pure.
 */
export class CompactFacts {
  constructor(private readonly store: EventStore) {}

  /** The compact folded from its stream; with `until`, only the events recorded up to then (time travel). */
  async compact(compactId: string, until?: Date): Promise<FoldedStream<CompactState>> {
    if (!until) return this.store.fold(compactDecider, compactStreamId(compactId));
    const events = await this.store.readStream(compactStreamId(compactId), until);
    return { state: fold(compactDecider, eventsOf(compactDecider, events)), version: events.length };
  }

  proposal(proposalId: string): Promise<FoldedStream<ProposalState>> {
    return this.store.fold(proposalDecider, proposalStreamId(proposalId));
  }

  /** What opening a proposal needs: the compact now, and the populations of its ratified states (the electorate). */
  async forProposal(compactId: string): Promise<{ compact: CompactState; populations: Record<string, number> }> {
    const { state: compact } = await this.compact(compactId);
    return { compact, populations: await this.populations(ratifiedStatesOf(compact)) };
  }

  /** Each state's current population from its member-state stream; an unregistered state is left out. */
  async populations(stateCodes: readonly string[]): Promise<Record<string, number>> {
    const entries = await Promise.all(
      stateCodes.map(async (code) => {
        const events = await this.store.readStream(memberStateStreamId(code));
        const state = fold(memberStateDecider, eventsOf(memberStateDecider, events));
        return state.status === 'registered' ? ([code, state.population] as const) : undefined;
      }),
    );
    return Object.fromEntries(entries.filter((entry) => entry !== undefined));
  }

  /** The codes among `stateCodes` that name no registered member state. */
  async unregistered(stateCodes: readonly string[]): Promise<string[]> {
    const known = await Promise.all(stateCodes.map(async (code) => (await this.store.lastOfStream(memberStateStreamId(code))) !== undefined));
    return stateCodes.filter((_, i) => !known[i]);
  }
}
