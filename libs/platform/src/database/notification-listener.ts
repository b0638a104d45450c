import { Logger } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';

/** Reconnects after 0.5 s, 1 s, 2 s ... and then every 5 s. */
const RECONNECT_MAX_MS = 5_000;

/**
 * LISTEN on a connection of its own, made again in the background whenever it is lost (a
 * PostgreSQL restart closes every connection). A failed first attempt is not an error either:
 * callers use notifications to act sooner and poll anyway. After a reconnect `onNotify` is
 * called once, for whatever was notified while nobody listened.
 */
export class NotificationListener {
  private readonly logger = new Logger(NotificationListener.name);
  private client?: Client;
  private retry?: NodeJS.Timeout;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', () => this.onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      if (this.failures === 0) this.logger.warn(`not listening on ${this.channel} (polling meanwhile): ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.lost(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (this.failures > 0) {
      this.logger.log(`listening on ${this.channel} again`);
      this.onNotify();
    }
    this.failures = 0;
  }

  private lost(client: Client): void {
    if (this.client === client) this.client = undefined;
    else if (this.client) return;
    if (this.stopped || this.retry) return;
    const delay = Math.min(500 * 2 ** this.failures, RECONNECT_MAX_MS);
    this.failures += 1;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, delay);
    this.retry.unref();
  }
}
