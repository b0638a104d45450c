/**
 * Read your writes: the highest position any of this tab's commands answered. Every query
 * passes it as `minPosition`, so a page never shows a state from before its own write.
 */
let last = 0;

export const positions = {
  record(position: number | undefined) {
    if (typeof position === 'number' && position > last) last = position;
  },
  last: () => last,
  /** `{minPosition}` for a query, or nothing before the first write. */
  query: (): { minPosition?: number } => (last > 0 ? { minPosition: last } : {}),
};
