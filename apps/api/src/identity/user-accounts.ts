import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { fold, userDecider, UserEvent, UserRegistered, UserState, userStreamId } from '@coalition/domain';
import { Database, EventStore, Queryable } from '@coalition/infra';

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

  /** A user's id is derived from the lower-cased username: uniqueness is then the stream's own optimistic concurrency, with no race. */
  static idFor(username: string): string {
    const hex = createHash('sha256').update(`coalition:user:${username.toLowerCase()}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  async load(userId: string): Promise<{ state: UserState; passwordHash?: string }> {
    const events = (await this.store.readStream(userStreamId(userId))) as unknown as UserEvent[];
    const registered = events.find((e): e is UserRegistered => e.type === 'UserRegistered');
    return { state: fold(userDecider, events), passwordHash: registered?.data.passwordHash };
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
