import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import {
  EventReader, fold, mayReadEvent, signingSecrets, SYSTEM_ACTOR, userDecider, userStreamId, webhookDecider, webhookStreamId, webhookWants,
} from '@coalition/domain';
import { BackoffLoop, Database, LoopStatus } from '@coalition/platform';
import { CommandExecutor, EventSink, eventsOf, EventStore, toCloudEvent } from '@coalition/event-store';
import { readableEvent, ReaderFactsGatherer } from '@coalition/read-side';
import { Claim, WebhookDispatchTable } from './webhook-dispatch-table';
import { sendWebhook, webhookMessageId, WebhookRequest, WebhookResponse } from './webhook-sender';

export interface WebhookDeliveryOptions {
  allowPrivate: boolean;
  /** Attempts at one event before the webhook is disabled (at least 8). */
  maxAttempts: number;
  /** Wait before the first retry; it doubles with each failure, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Longest wait for a receiver's complete answer. */
  timeoutMs: number;
  /** Webhooks delivered at the same time. */
  concurrency: number;
  pollIntervalMs: number;
  /** Deliveries log rows older than this are deleted (hourly, and when the worker starts). */
  retentionDays: number;
}

/** The shortest time between two claim passes when nudges keep coming. */
const MIN_PASS_GAP_MS = 50;

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDeliveryOptions = {
  allowPrivate: false,
  maxAttempts: 10,
  retryBaseMs: 1_000,
  retryMaxMs: 15 * 60_000,
  timeoutMs: 10_000,
  concurrency: 16,
  pollIntervalMs: 500,
  retentionDays: 90,
};

const PRUNE_EVERY_MS = 60 * 60_000;

export interface WebhookObserver {
  attempted?(outcome: 'delivered' | 'failed'): void;
  disabled?(webhookId: string, reason: string): void;
}

type Send = (request: WebhookRequest) => Promise<WebhookResponse>;

const PAGE = 200;

/**
 * Delivers each webhook's events in position order, with retries and exponential back-off.
 * As an event sink it only wakes the delivery loop: what to deliver is each webhook's cursor
 * over the event store, so projections never wait for a receiver. Webhooks are claimed with
 * a lease (several workers may run) and delivered concurrently, each on its own, so a slow or
 * dead receiver holds up nobody but itself. After `maxAttempts` failures at one event the
 * webhook is disabled, with the reason, by an event of its own.
 */
export class WebhookDispatcher implements EventSink {
  readonly name = 'webhooks';
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly instance = randomUUID();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly table: WebhookDispatchTable;
  private readonly loop: BackoffLoop;
  private running = false;
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    db: Database,
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly options: WebhookDeliveryOptions,
    private readonly observer: WebhookObserver = {},
    private readonly send: Send = sendWebhook,
    status: LoopStatus = new LoopStatus('webhooks'),
  ) {
    this.table = new WebhookDispatchTable(db, this.instance, Math.max(60_000, options.timeoutMs * 3), options.retentionDays);
    // Every consumed batch nudges; passes closer together than MIN_PASS_GAP_MS are merged, so
    // a busy stream does not cost a claim query per batch (deliveries run on, claimed or not).
    this.loop = new BackoffLoop(async () => {
      await this.claimAndDeliver();
      return false;
    }, { idleMs: options.pollIntervalMs, minGapMs: MIN_PASS_GAP_MS, status, what: 'webhook dispatch poll' }, WebhookDispatcher.name);
  }

  async handle(): Promise<void> {
    this.nudge();
  }

  nudge(): void {
    this.loop.nudge();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop.start();
    const prune = () =>
      this.pruneDeliveries().catch((error: unknown) => this.logger.warn(`pruning the deliveries log failed: ${(error as Error).message}`));
    void prune();
    this.pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  /** Deletes deliveries log rows older than `retentionDays`; answers how many went. Several workers may run it at once. */
  async pruneDeliveries(): Promise<number> {
    return this.table.pruneDeliveries();
  }

  async stop(): Promise<void> {
    clearInterval(this.pruneTimer);
    this.running = false;
    await this.loop.stop();
    await Promise.allSettled(this.inFlight.values());
  }

  /** The wait before attempt `failures + 1`: base, 2 x base, 4 x base... with up to 10 % jitter. */
  retryDelayMs(failures: number): number {
    const delay = Math.min(this.options.retryBaseMs * 2 ** Math.max(0, failures - 1), this.options.retryMaxMs);
    return Math.round(delay * (1 + Math.random() * 0.1));
  }

  /**
   * Claims webhooks that are due and starts delivering each. A claim of this instance's own
   * for a webhook it is not delivering is stale (its delivery ended while the database was
   * down and could not release it), so it is taken again at once rather than after the lease.
   */
  private async claimAndDeliver(): Promise<void> {
    const free = this.options.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const head = await this.store.head();
    for (const claim of await this.table.claim(head.position, free, [...this.inFlight.keys()])) {
      const work = this.deliver(claim)
        .catch((error: unknown) => this.logger.error(`webhook ${claim.webhookId}: ${(error as Error).message}`))
        .then(() => this.table.release(claim.webhookId).catch(() => undefined))
        .finally(() => {
          this.inFlight.delete(claim.webhookId);
          this.nudge();
        });
      this.inFlight.set(claim.webhookId, work);
    }
  }

  /** Delivers one webhook's pending events in order until it is caught up, fails, or the worker stops. */
  private async deliver(claim: Claim): Promise<void> {
    const webhook = fold(webhookDecider, eventsOf(webhookDecider, await this.store.readStream(webhookStreamId(claim.webhookId))));
    if (webhook.status !== 'active') return;
    const owner = await this.ownerRights(webhook.ownerId);
    if (!owner) {
      await this.disable(claim.webhookId, "The owner's account is no longer active");
      return;
    }
    let cursor = claim.position;
    let failures = claim.attempts;
    while (this.running) {
      const page = await this.store.readAll(cursor, PAGE);
      if (page.length === 0) break;
      // Membership is looked up afresh for each page: a delivery run can last as long as events keep coming.
      const facts = await new ReaderFactsGatherer(this.store, owner).forPage(page);
      for (const event of page) {
        if (!this.running) break;
        if (!webhookWants(webhook.eventTypes, event) || !mayReadEvent(owner, readableEvent(event), facts)) {
          cursor = event.position;
          continue;
        }
        const attempt = failures + 1;
        const result = await this.send({
          url: webhook.url,
          body: JSON.stringify(toCloudEvent(event)),
          secrets: signingSecrets(webhook, new Date()),
          messageId: webhookMessageId(event.eventId, claim.webhookId),
          timeoutMs: this.options.timeoutMs,
          allowPrivate: this.options.allowPrivate,
          headers: { 'X-Coalition-Webhook-Id': claim.webhookId, 'X-Coalition-Delivery-Attempt': String(attempt) },
        });
        this.observer.attempted?.(result.ok ? 'delivered' : 'failed');
        if (result.ok) {
          cursor = event.position;
          failures = 0;
          await this.table.recordAttempt(claim.webhookId, event, attempt, result, { position: cursor, attempts: 0, retryInMs: null });
          continue;
        }
        failures = attempt;
        if (failures >= this.options.maxAttempts) {
          const reason = `Disabled after ${failures} failed attempts to deliver event ${event.eventId} (position ${event.position}); last: ${result.error}`;
          await this.table.recordAttempt(claim.webhookId, event, attempt, result, { position: cursor, attempts: failures, retryInMs: 60_000 });
          await this.disable(claim.webhookId, reason);
          return;
        }
        await this.table.recordAttempt(claim.webhookId, event, attempt, result, { position: cursor, attempts: failures, retryInMs: this.retryDelayMs(failures) });
        return;
      }
      await this.table.saveCursor(claim.webhookId, cursor);
    }
  }

  /** The owner's rights now (a coordinator moved to another state reads as that state), or undefined for a deactivated owner. */
  private async ownerRights(ownerId: string): Promise<EventReader | undefined> {
    const owner = fold(userDecider, eventsOf(userDecider, await this.store.readStream(userStreamId(ownerId))));
    if (owner.status !== 'active') return undefined;
    return { id: ownerId, kind: 'user', roles: owner.roles, stateCode: owner.stateCode };
  }

  private async disable(webhookId: string, reason: string): Promise<void> {
    await this.executor.execute(webhookDecider, {
      streamId: webhookStreamId(webhookId),
      command: { type: 'DisableWebhook', data: { webhookId, reason } },
      actor: SYSTEM_ACTOR,
    });
    this.observer.disabled?.(webhookId, reason);
    this.logger.warn(`webhook ${webhookId} disabled: ${reason}`);
  }
}
