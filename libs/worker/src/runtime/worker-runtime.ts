import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { AuditCheckpointPublisher } from '../audit/audit-checkpoint-publisher';
import { APP_CONFIG, AppConfig, Database, KAFKA, Metrics, WorkerLoops } from '@coalition/platform';
import {
  APPENDED_CHANNEL,
  CommandExecutor,
  ensureTopics,
  EventSink,
  EventStore,
  InProcessBus,
  KafkaEventPublisher,
  KafkaJsonPublisher,
  loadLogSigner,
  OutboxRelay,
  RelayLeadership,
  TOPICS,
} from '@coalition/event-store';
import { ALL_PROJECTIONS, AUDIT_CHECKPOINT_KEY, DeadLetterQueue, ProjectionRunner } from '@coalition/read-side';
import { KafkaEventConsumer } from '../consumer/kafka-event-consumer';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler';
import { DEFAULT_WEBHOOK_DELIVERY, WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { CheckpointSigner, witnessMetrics } from '../transparency/checkpoint-signer';
import { TreeBackfill } from '../transparency/tree-backfill';
import { witnessEndpoints } from '../transparency/witness-client';

export const EVENT_SINKS = Symbol('EVENT_SINKS');

/**
 * The worker's moving parts: the outbox relay, the consumer group feeding the event sinks
 * (projections first), and the deadline scheduler. The worker app hosts it; the embedded
 * default hosts it inside the api process, over the in-process bus instead of Kafka.
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerRuntime.name);
  readonly relay: OutboxRelay;
  readonly projections: ProjectionRunner;
  readonly webhooks: WebhookDispatcher;
  readonly checkpoints: AuditCheckpointPublisher;
  readonly treeBackfill: TreeBackfill;
  private consumer?: KafkaEventConsumer;
  private publisher?: KafkaEventPublisher;
  private jsonPublisher?: KafkaJsonPublisher;
  private backlogTimer?: NodeJS.Timeout;
  private stopListening?: () => Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly store: EventStore,
    readonly scheduler: DeadlineScheduler,
    private readonly metrics: Metrics,
    private readonly deadLetters: DeadLetterQueue,
    @Optional() @Inject(KAFKA) private readonly kafka?: Kafka,
    @Optional() @Inject(InProcessBus) private readonly bus?: InProcessBus,
    @Optional() @Inject(EVENT_SINKS) private readonly extraSinks: EventSink[] = [],
    @Optional() executor?: CommandExecutor,
    @Optional() private readonly loops: WorkerLoops = new WorkerLoops(metrics),
  ) {
    if (kafka) {
      this.publisher = new KafkaEventPublisher(kafka, config.topicPrefix);
      this.jsonPublisher = new KafkaJsonPublisher(kafka, config.topicPrefix);
    }
    this.projections = new ProjectionRunner(db, ALL_PROJECTIONS, deadLetters, {
      applied: (name, _count, lagMs) => metrics.projectionLag.set({ projection: name }, lagMs / 1000),
    });
    const publisher = this.publisher ?? bus;
    if (!publisher) throw new Error('the worker needs Kafka or the in-process bus');
    const session = db.sessionConfig();
    this.relay = new OutboxRelay(db, publisher, config.relay, { published: (count) => metrics.eventsPublished.inc(count) }, this.loops.status('relay'), session && new RelayLeadership(session));
    this.webhooks = new WebhookDispatcher(db, store, executor ?? new CommandExecutor(store), {
      ...DEFAULT_WEBHOOK_DELIVERY,
      ...config.webhookDelivery,
      allowPrivate: config.webhookAllowPrivate,
    }, { attempted: (outcome) => metrics.webhookAttempts.inc({ outcome }) }, undefined, this.loops.status('webhooks'));
    const jsonPublisher = this.jsonPublisher;
    const signer = new CheckpointSigner(db, loadLogSigner(config), witnessEndpoints(config.transparencyLog.witnesses), { timeoutMs: config.transparencyLog.witnessTimeoutMs }, witnessMetrics(metrics));
    this.checkpoints = new AuditCheckpointPublisher(
      db,
      jsonPublisher && ((checkpoint) => jsonPublisher.send(TOPICS.auditCheckpoints, AUDIT_CHECKPOINT_KEY, checkpoint)),
      { ...config.auditCheckpoints, pollMs: 1_000 },
      {
        published: (checkpoint) => {
          metrics.auditCheckpointPosition.set(checkpoint.position);
          if (checkpoint.treeSize !== undefined) metrics.checkpointTreeSize.set(checkpoint.treeSize);
        },
      },
      this.loops.status('checkpoints'),
      signer,
    );
    this.treeBackfill = new TreeBackfill(db, config.transparencyLog.backfillBatch, { step: (step) => metrics.treeSize.set(step.size) }, this.loops.status('tree-backfill'));
  }

  get sinks(): EventSink[] {
    return [this.projections, ...(this.extraSinks ?? []), this.webhooks];
  }

  async onApplicationBootstrap(): Promise<void> {
    const { kafka, config } = this;
    if (kafka && config.kafka) {
      const settings = { ...config.kafka, topicPrefix: config.topicPrefix };
      // With Kafka down at start the worker still starts: the consumer keeps trying in the background.
      this.consumer = new KafkaEventConsumer(kafka, this.db, config.topicPrefix, `${config.topicPrefix}coalition-worker`, this.sinks, {
        partitionsConcurrently: config.kafka.partitions,
        sessionTimeoutMs: config.kafka.sessionTimeoutMs,
        status: this.loops.status('consumer'),
        prepare: () => ensureTopics(kafka, settings),
      });
      await this.consumer.start();
    } else {
      for (const sink of this.sinks) this.bus?.subscribe(sink);
    }
    this.store.onAppended(() => this.relay.nudge());
    this.relay.start();
    // Appends made by the api process wake the relay at once instead of at its next poll.
    this.stopListening = await this.db.listen(APPENDED_CHANNEL, () => this.relay.nudge()).catch((error: unknown) => {
      this.logger.warn(`not listening for appends, polling only: ${(error as Error).message}`);
      return undefined;
    });
    this.scheduler.start();
    this.webhooks.start();
    this.checkpoints.start();
    this.treeBackfill.start();
    this.backlogTimer = setInterval(() => {
      this.relay.backlog().then((n) => this.metrics.outboxBacklog.set(n), () => undefined);
    }, 5_000);
    this.backlogTimer.unref();
    this.logger.log(`worker runtime started (${this.kafka ? 'Kafka' : 'in-process transport'})`);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.backlogTimer);
    await this.stopListening?.();
    await this.scheduler.stop();
    await this.checkpoints.stop();
    await this.treeBackfill.stop();
    await this.webhooks.stop();
    await this.relay.stop();
    await this.consumer?.stop();
    await this.publisher?.disconnect();
    await this.jsonPublisher?.disconnect();
    await this.deadLetters.close();
  }
}
