import { compactToCheck, EventReader, memberStatusOf, membershipReadsResources, ReadableEvent, ReaderFacts } from '@coalition/domain';
import { CompactFacts } from '../compacts/compact-facts';
import { EventStore, StoredEvent } from '@coalition/event-store';

/** What event visibility reads of a stored event. */
export const readableEvent = (event: StoredEvent): ReadableEvent => ({
  streamType: event.streamType,
  data: event.data,
  actorStateCode: event.metadata.actor.stateCode,
});

/**
 * The facts `mayReadEvent` needs about one reader, gathered a page of events at a time: the
 * membership of each compact the page's events name (when it decides what the reader sees) is
 * folded from the compact's own stream, so it is never staler than the events themselves, and
 * once per compact for as long as this object lives (a feed request, a page of webhook deliveries).
 */
export class ReaderFactsGatherer {
  private readonly compacts: CompactFacts;
  private readonly memberOf = new Map<string, boolean>();

  constructor(
    store: EventStore,
    private readonly reader: EventReader,
  ) {
    this.compacts = new CompactFacts(store);
  }

  async forPage(events: readonly StoredEvent[]): Promise<ReaderFacts> {
    const stateCode = this.reader.stateCode;
    const unknown = new Set<string>();
    for (const event of events) {
      const compactId = compactToCheck(this.reader, readableEvent(event));
      if (compactId !== undefined && !this.memberOf.has(compactId)) unknown.add(compactId);
    }
    if (stateCode !== null) {
      await Promise.all(
        [...unknown].map(async (compactId) => {
          const { state } = await this.compacts.compact(compactId);
          this.memberOf.set(compactId, membershipReadsResources(memberStatusOf(state, stateCode)));
        }),
      );
    }
    return { memberOfCompacts: new Set([...this.memberOf].filter(([, member]) => member).map(([compactId]) => compactId)) };
  }
}
