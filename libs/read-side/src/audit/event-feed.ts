import { EventReader, mayReadEvent } from '@coalition/domain';
import { CloudEvent, EventStore, toCloudEvent } from '@coalition/event-store';
import { readableEvent, ReaderFactsGatherer } from './reader-facts';

export interface FeedPage {
  events: CloudEvent[];
  /** Where to continue: the last position looked at, visible to the reader or not. */
  nextAfter: number;
}

/**
 * The pull feed: the next events after `after` that `reader` may read, as CloudEvents. Events
 * the reader may not see are stepped over, scanning at most `maxScan` events per call so a
 * reader with narrow rights cannot make one request walk the whole store; `nextAfter` then
 * still moves forward.
 */
export async function readFeed(store: EventStore, reader: EventReader, after: number, limit: number, maxScan = 10_000): Promise<FeedPage> {
  const events: CloudEvent[] = [];
  let cursor = after;
  let scanned = 0;
  const gatherer = new ReaderFactsGatherer(store, reader);
  while (events.length < limit && scanned < maxScan) {
    const page = await store.readAll(cursor, Math.min(Math.max(limit * 2, 100), 1000, maxScan - scanned));
    if (page.length === 0) break;
    const facts = await gatherer.forPage(page);
    for (const event of page) {
      cursor = event.position;
      scanned += 1;
      if (mayReadEvent(reader, readableEvent(event), facts)) {
        events.push(toCloudEvent(event));
        if (events.length === limit) break;
      }
    }
  }
  return { events, nextAfter: cursor };
}
