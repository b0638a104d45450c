import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from './client';
import { positions } from './positions';

export const LIVE_POLL_MS = 1000;

/**
 * Other states' changes appear without a reload: the console polls the pull feed
 * (`GET /events`, only events this principal may read) every second from the head it
 * found at sign-in, and refetches the visible queries when anything new arrived, asking for
 * read models that have reached the newest event it saw (`minPosition`).
 */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    let after: number | undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const head = async (): Promise<number> => {
      // Walk to the head once; pages of 1000 keep this short even on a long log.
      let cursor = 0;
      for (;;) {
        const page = await unwrap(api.GET('/api/v1/events', { params: { query: { after: cursor, limit: 1000 } } }));
        if (page.nextAfter === cursor || page.events.length === 0) return page.nextAfter;
        cursor = page.nextAfter;
      }
    };
    const tick = async () => {
      try {
        if (after === undefined) after = await head();
        else {
          const page = await unwrap(api.GET('/api/v1/events', { params: { query: { after, limit: 1000 } } }));
          if (page.nextAfter !== after) {
            after = page.nextAfter;
            const newest = page.events.at(-1);
            if (newest) {
              // Refetch at the feed's position: the read models may not have reached it yet,
              // and a refetch before they do would show the old state until the next event.
              positions.record(newest.position);
              await queryClient.invalidateQueries({ type: 'active' });
            }
          }
        }
      } catch {
        // A missed poll is retried on the next tick; the page keeps what it shows.
      }
      if (!stopped) timer = setTimeout(tick, LIVE_POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [enabled, queryClient]);
}
