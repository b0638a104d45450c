import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import { classifyDatabaseError } from '@coalition/platform';

/** The session advisory lock whose holder is the one relay that publishes. */
export const RELAY_LOCK = 7_261_003;

/** A relay that is not the leader asks again at most this often. */
const RETRY_MS = 1_000;

/**
 * One relay publishes at a time, however many workers run: the one holding a session advisory
 * lock on a connection of its own. Without it every worker's relay publishes every event, and
 * a topic carries each event once per worker. A leader that dies (even by kill -9) closes its
 * connection and so frees the lock at once; another worker's relay takes it within a second.
 * A leader whose lock connection drops stops publishing until it holds the lock again. The
 * guarantee stays at least once (a relay that loses the lock mid-batch may already have sent
 * it); this only removes the duplicates that were certain.
 */
export class RelayLeadership {
  private readonly logger = new Logger(RelayLeadership.name);
  private client?: Client;
  private held = false;
  private nextTry = 0;
  /** Why the last attempt failed (the database down, say): reported again until the next attempt. */
  private lastFailure?: unknown;

  constructor(private readonly config: ClientConfig) {}

  get isLeader(): boolean {
    return this.held;
  }

  /**
   * True when this relay holds the lock (taking it if it is free); asks the server at most once
   * a second. Throws when the server could not be asked, and keeps throwing that until the next
   * attempt, so a relay that cannot reach the database never reports itself healthy.
   */
  async acquire(): Promise<boolean> {
    if (this.held) return true;
    if (Date.now() < this.nextTry) {
      if (this.lastFailure !== undefined) throw this.lastFailure;
      return false;
    }
    this.nextTry = Date.now() + RETRY_MS;
    try {
      const client = this.client ?? (await this.connect());
      const [row] = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK])).rows;
      this.lastFailure = undefined;
      if (row?.locked && this.client === client) {
        this.held = true;
        this.logger.log('this relay publishes now');
      }
      return this.held;
    } catch (error) {
      this.lastFailure = classifyDatabaseError(error);
      throw this.lastFailure;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const client = new Client(this.config);
    const lost = () => {
      if (this.client !== client) return;
      this.client = undefined;
      if (this.held) this.logger.warn('lost the relay lock with its connection; publishing stops until it is held again');
      this.held = false;
    };
    client.on('error', lost);
    client.on('end', lost);
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      lost();
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }
}
