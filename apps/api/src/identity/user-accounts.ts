import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { fold, userDecider, UsernameTaken, UserState, userStreamId } from '@coalition/domain';
import { Database, Queryable } from '@coalition/platform';
import { eventsOf, EventStore } from '@coalition/event-store';

/**
 * Identity lookups fold the user's own stream from the event store rather than a read model,
 * so a deactivation takes effect on the very next request.
 */
@Injectable()
export class UserAccounts {
  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
  ) {}

  /**
   * A new user's id: random, so it reveals nothing of the username (ids are shown to every
   * principal). Users registered before keep the ids they had, derived from their usernames.
   */
  static newId(): string {
    return randomUUID();
  }

  /** The id of the user holding `username` (any case), if any. */
  async idOf(username: string): Promise<string | undefined> {
    const rows = await this.db.query('SELECT user_id FROM usernames WHERE username_key = lower($1)', [username]);
    return rows.length > 0 ? String(rows[0].user_id) : undefined;
  }

  /** Takes `username` for `userId` inside the registration's own transaction; a taken one rolls it back as DUPLICATE. */
  async reserve(tx: Queryable, username: string, userId: string): Promise<void> {
    const rows = await tx.query(
      'INSERT INTO usernames (username_key, user_id) VALUES (lower($1), $2) ON CONFLICT (username_key) DO NOTHING RETURNING user_id',
      [username, userId],
    );
    if (rows.length === 0) throw new UsernameTaken(username);
  }

  async load(userId: string): Promise<{ state: UserState; passwordHash?: string }> {
    const events = eventsOf(userDecider, await this.store.readStream(userStreamId(userId)));
    // The latest of registration, change and reset holds the password in force.
    const latest = events.filter((e) => e.type === 'UserRegistered' || e.type === 'PasswordChanged' || e.type === 'PasswordReset').at(-1);
    return { state: fold(userDecider, events), passwordHash: latest && 'passwordHash' in latest.data ? latest.data.passwordHash : undefined };
  }

  /** The user as it stands now, for a bearer token on every request: folded incrementally (EventStore.fold). */
  async current(userId: string): Promise<UserState> {
    return (await this.store.fold(userDecider, userStreamId(userId))).state;
  }

  /**
   * How many admins are active, not counting `exceptUserId`: registered with the admin role and
   * never deactivated. Read from the event store itself (`q` may be an append's transaction, to
   * see that transaction's own events).
   */
  async activeAdminsOtherThan(exceptUserId: string, q: Queryable = this.db): Promise<number> {
    const rows = await q.query(
      `SELECT count(*)::int AS n FROM events r
        WHERE r.type = 'UserRegistered' AND r.data->'roles' ? 'admin' AND r.data->>'userId' <> $1
          AND NOT EXISTS (SELECT 1 FROM events d WHERE d.stream_id = r.stream_id AND d.type = 'UserDeactivated')`,
      [exceptUserId],
    );
    return Number(rows[0].n);
  }

  async anyAdminRegistered(): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM events WHERE type = 'UserRegistered' AND data->'roles' ? 'admin' LIMIT 1`);
    return rows.length > 0;
  }
}
