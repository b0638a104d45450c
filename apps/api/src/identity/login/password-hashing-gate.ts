/**
 * Bounds the password-hashing work logins may start: at most `concurrency` scrypt computations
 * at once, at most `queueLimit` waiting behind them, and beyond that an immediate refusal. A
 * burst of bogus logins then costs a bounded share of the CPU and a short wait for real users,
 * instead of queueing without end in libuv's thread pool while every other request starves.
 */
export class PasswordHashingGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  /** Runs `work` when a slot frees, or answers undefined at once when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queueLimit) return undefined;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return { value: await work() };
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** `full`: a `run` now would be refused. */
  get load(): { running: number; waiting: number; full: boolean } {
    const full = this.running >= this.concurrency && this.waiting.length >= this.queueLimit;
    return { running: this.running, waiting: this.waiting.length, full };
  }
}
