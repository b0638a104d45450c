/** A progress display for long work (the CLI draws a bar with rate and time left on a terminal). */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Exit statuses of `npx coalition verify` (docs/operations.md lists every command's). */
export const VERIFY_EXIT = { ok: 0, broken: 1, usage: 2, mismatch: 3, inUse: 4 } as const;
