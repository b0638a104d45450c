import { Counter, Gauge } from 'prom-client';
import { Metrics } from '../observability/metrics';

export type LoopState = 'starting' | 'running' | 'failing' | 'stopped';

export interface LoopReport {
  state: LoopState;
  /** The last time the loop completed a pass (or, for the consumer, a fetch or a batch). */
  lastProgressAt: string | null;
  consecutiveFailures: number;
  lastFailureAt: string | null;
  lastError: string | null;
  /** Running, and it made progress recently. */
  healthy: boolean;
}

/** A loop that has not made progress for this long is reported as stalled, whatever its state says. */
export const LOOP_STALL_MS = 60_000;

/**
 * How one worker loop is doing: the relay, the consumer, the scheduler, webhook delivery and
 * audit checkpoints each hold one. `/health/ready` reports them, and the metrics count each
 * loop's failures and show the time of its last progress, so a loop that fails or hangs is
 * visible without reading logs.
 */
export class LoopStatus {
  private state: LoopState = 'starting';
  private lastProgress?: number;
  private lastFailure?: number;
  private lastError?: string;
  private failures = 0;

  constructor(
    readonly name: string,
    private readonly failuresTotal?: Counter<'loop'>,
    private readonly progressGauge?: Gauge<'loop'>,
    private readonly now: () => number = Date.now,
  ) {}

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** A pass completed: the loop is running and, if it was failing, has recovered. */
  progressed(): void {
    this.state = 'running';
    this.failures = 0;
    this.touch();
  }

  /** Still alive, without saying the last failure is over (a fetch while a batch keeps failing). */
  alive(): void {
    if (this.failures === 0) {
      if (this.state === 'starting') this.state = 'running';
      this.touch();
    }
  }

  failed(error: unknown): void {
    this.state = 'failing';
    this.failures += 1;
    this.lastFailure = this.now();
    this.lastError = error instanceof Error ? error.message : String(error);
    this.failuresTotal?.inc({ loop: this.name });
  }

  stopped(): void {
    this.state = 'stopped';
  }

  report(): LoopReport {
    const iso = (at?: number) => (at === undefined ? null : new Date(at).toISOString());
    const recent = this.lastProgress !== undefined && this.now() - this.lastProgress < LOOP_STALL_MS;
    return {
      state: this.state,
      lastProgressAt: iso(this.lastProgress),
      consecutiveFailures: this.failures,
      lastFailureAt: iso(this.lastFailure),
      lastError: this.lastError ?? null,
      healthy: this.state === 'running' && recent,
    };
  }

  private touch(): void {
    this.lastProgress = this.now();
    this.progressGauge?.set({ loop: this.name }, this.lastProgress / 1000);
  }
}

/** The loops of this process (none in the api; all five in the worker and in the embedded default). */
export class WorkerLoops {
  private readonly loops = new Map<string, LoopStatus>();

  constructor(private readonly metrics?: Metrics) {}

  /** The status of the loop called `name`, created on first use. */
  status(name: string): LoopStatus {
    let status = this.loops.get(name);
    if (!status) {
      status = new LoopStatus(name, this.metrics?.loopFailures, this.metrics?.loopLastProgress);
      this.loops.set(name, status);
    }
    return status;
  }

  all(): LoopStatus[] {
    return [...this.loops.values()];
  }
}
