import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Database } from '@coalition/platform';

/** API.md: after 10 failed logins for one username within 15 minutes, the rest of that window is refused. */
export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export interface LoginAttempt {
  username: string;
  windowStartedAt: Date;
}

export type Reservation = { attempt: LoginAttempt } | { refusedForSeconds: number };

/**
 * Failed logins per username, counted in PostgreSQL so that every api process sees the same
 * count. A window opens at the first failure and lasts 15 minutes; each attempt reserves one
 * of its 10 failures before the password is checked (one atomic upsert), and a successful login
 * gives its reservation back. So even a burst of concurrent guesses gets at most 10 checked,
 * and once 10 have failed every further attempt, the right password included, is refused until
 * the window ends. Unknown usernames are counted alike, so the answers reveal nothing.
 */
@Injectable()
export class LoginThrottle implements OnApplicationBootstrap, OnApplicationShutdown {
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly db: Database) {}

  /** Ended windows hold nothing worth keeping; sweeping them keeps a spray of made-up usernames from piling up. */
  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.forgetEndedWindows().catch(() => undefined), LOGIN_WINDOW_SECONDS * 1000);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /** One attempt for `username`: API.md's 10 failures per username and window. */
  reserve(username: string): Promise<Reservation> {
    return this.reserveKey(username.toLowerCase(), LOGIN_FAILURE_LIMIT);
  }

  /**
   * One attempt from a client address, beside the per-username rule: a spray of usernames from
   * one address is cut off after `limit` failures in a window. Address keys start with `#ip:`.
   */
  reserveForAddress(address: string, limit: number): Promise<Reservation> {
    return this.reserveKey(`#ip:${address}`, limit);
  }

  private async reserveKey(key: string, limit: number): Promise<Reservation> {
    const [row] = await this.db.query<{ window_started_at: Date }>(
      `INSERT INTO login_throttle AS t (username, window_started_at, failures)
       VALUES ($1, date_trunc('milliseconds', now()), 1)
       ON CONFLICT (username) DO UPDATE SET
         window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN EXCLUDED.window_started_at ELSE t.window_started_at END,
         failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END
       WHERE t.window_started_at <= now() - make_interval(secs => $2) OR t.failures < $3
       RETURNING window_started_at`,
      [key, LOGIN_WINDOW_SECONDS, limit],
    );
    if (row) return { attempt: { username: key, windowStartedAt: new Date(row.window_started_at) } };
    const [left] = await this.db.query<{ seconds: string }>(
      `SELECT greatest(1, ceil(extract(epoch FROM window_started_at + make_interval(secs => $2) - now()))) AS seconds
       FROM login_throttle WHERE username = $1`,
      [key, LOGIN_WINDOW_SECONDS],
    );
    return { refusedForSeconds: left ? Number(left.seconds) : 1 };
  }

  /** The password was right: this attempt was no failure. Earlier failures of the window still count. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.db.query(
      'UPDATE login_throttle SET failures = failures - 1 WHERE username = $1 AND window_started_at = $2 AND failures > 0',
      [attempt.username, attempt.windowStartedAt],
    );
  }

  async forgetEndedWindows(): Promise<void> {
    await this.db.query('DELETE FROM login_throttle WHERE window_started_at <= now() - make_interval(secs => $1)', [LOGIN_WINDOW_SECONDS]);
  }
}
