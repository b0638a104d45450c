import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@coalition/platform';
import { DUMMY_HASH, verifyPassword } from '../password-hasher';
import { PasswordHashingGate } from './password-hashing-gate';

/** Thrown when the hashing gate is full: the login was not checked, so it is no failure. */
export class HashingBusy extends Error {
  constructor() {
    super('Too many logins are being checked');
  }
}

/**
 * The password check of a login, inside the hashing gate. A known username runs scrypt (at most
 * `LOGIN_HASH_CONCURRENCY` at once, `LOGIN_HASH_QUEUE` waiting); an unknown username spends no
 * CPU: it waits on a timer for as long as a check would take from its place in the queue (the
 * recent scrypt time, once per turn of the gate), and is refused alike while the gate is full. So
 * a spray of made-up usernames costs timers, not hashes, and never queues ahead of real users.
 */
@Injectable()
export class PasswordCheck {
  private readonly gate: PasswordHashingGate;
  private readonly concurrency: number;
  /** Recent scrypt time in ms (moving average); until the first check, unknown users hash too. */
  private hashMs?: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.concurrency = config.login.hashConcurrency;
    this.gate = new PasswordHashingGate(this.concurrency, config.login.hashQueue);
  }

  /** True when `password` matches `hash`; false, after the same wait, when there is no hash. */
  async matches(password: string, hash: string | undefined): Promise<boolean> {
    const hashMs = this.hashMs;
    if (hash === undefined && hashMs !== undefined) {
      const { running, waiting, full } = this.gate.load;
      if (full) throw new HashingBusy();
      const turns = Math.ceil((running + waiting + 1) / this.concurrency);
      await new Promise((resolve) => setTimeout(resolve, hashMs * turns));
      return false;
    }
    const checked = await this.gate.run(() => this.timed(password, hash ?? DUMMY_HASH));
    if (!checked) throw new HashingBusy();
    return checked.value;
  }

  private async timed(password: string, hash: string): Promise<boolean> {
    const started = performance.now();
    const matched = await verifyPassword(password, hash);
    const took = performance.now() - started;
    this.hashMs = this.hashMs === undefined ? took : 0.8 * this.hashMs + 0.2 * took;
    return matched;
  }
}
