import { Logger } from '@nestjs/common';
import { LoopStatus } from './worker-loops';

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/**
 * 250 ms, 500 ms, 1 s, 2 s, 4 s, then every 5 s: a loop notices a recovered dependency within
 * 5 s (the promise is 10 s from the database returning to projections moving again), and a
 * long outage costs one attempt per loop every 5 s.
 */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 5_000 };

/** The wait after `failures` consecutive failures: doubling from `initialMs` up to `maxMs`, with up to 20 % jitter either way. */
export function backoffDelay(failures: number, backoff: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const base = Math.min(backoff.initialMs * 2 ** Math.max(0, failures - 1), backoff.maxMs);
  return Math.round(base * (0.8 + random() * 0.4));
}

/** Failures 1, 2, 4, 8 ... are logged: the first at once, and a long outage still shows, without a line per attempt. */
export const worthLogging = (failures: number): boolean => (failures & (failures - 1)) === 0;

export interface BackoffLoopOptions {
  /** The wait after a pass that left nothing waiting; a nudge cuts it short. */
  idleMs: number;
  /** The shortest time from one pass's start to the next while nudges keep coming. */
  minGapMs?: number;
  backoff?: Backoff;
  status: LoopStatus;
  /** What a pass is called in the log ("outbox publish"). */
  what: string;
  onFailure?(error: unknown): void;
}

/**
 * A worker loop that cannot die or hang silently: it runs `pass` again and again (at once when
 * the pass says more work is waiting, after `idleMs` or a nudge otherwise); a pass that throws
 * is logged, counted and retried after a bounded exponential back-off, for as long as it takes.
 * The loop's LoopStatus says how it is doing, for /health/ready and the metrics.
 */
export class BackoffLoop {
  private readonly logger: Logger;
  private running = false;
  private loop?: Promise<void>;
  private pending = false;
  private wakeSleep?: () => void;
  private sleepWakesOnNudge = false;

  constructor(
    private readonly pass: () => Promise<boolean>,
    private readonly options: BackoffLoopOptions,
    context = options.status.name,
  ) {
    this.logger = new Logger(context);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the pass in progress, if any, has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeSleep?.();
    await this.loop;
  }

  /** Asks for a pass now instead of at the end of the idle wait (not during a back-off). */
  nudge(): void {
    this.pending = true;
    if (this.sleepWakesOnNudge) this.wakeSleep?.();
  }

  private async run(): Promise<void> {
    const { status } = this.options;
    let failures = 0;
    let failingSince = 0;
    while (this.running) {
      this.pending = false;
      const started = Date.now();
      let more = false;
      try {
        more = await this.pass();
        if (failures > 0) this.logger.log(`${this.options.what} recovered after ${failures} failed attempts in ${((Date.now() - failingSince) / 1000).toFixed(1)} s`);
        failures = 0;
        status.progressed();
      } catch (error) {
        if (failures === 0) failingSince = started;
        failures += 1;
        status.failed(error);
        this.options.onFailure?.(error);
        const delay = backoffDelay(failures, this.options.backoff);
        if (worthLogging(failures)) this.logger.warn(`${this.options.what} failed (attempt ${failures}); retrying in ${delay} ms: ${(error as Error)?.message ?? String(error)}`);
        await this.sleep(delay, false);
        continue;
      }
      if (!this.running || more) continue;
      if (this.pending) {
        const gap = (this.options.minGapMs ?? 0) - (Date.now() - started);
        if (gap > 0) await this.sleep(gap, false);
        continue;
      }
      await this.sleep(this.options.idleMs, true);
    }
    status.stopped();
  }

  private sleep(ms: number, wakeOnNudge: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeSleep = undefined;
        this.sleepWakesOnNudge = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleep = done;
      this.sleepWakesOnNudge = wakeOnNudge;
      // A nudge that came while the pass ran must not wait out the idle time.
      if (wakeOnNudge && this.pending) done();
    });
  }
}
