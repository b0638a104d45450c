import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { Backoff, backoffDelay, Database, DEFAULT_BACKOFF, LoopStatus, worthLogging } from '@coalition/platform';
import { EVENT_COLUMNS, EventSink, EventTopic, physicalTopic, StoredEvent, TOPICS, toStoredEvent } from '@coalition/event-store';

export interface ConsumerOptions {
  /** Partitions handled at once (checkpoints, ordering and read-model rows are per partition). */
  partitionsConcurrently?: number;
  /** How long the group waits for a member that stopped heartbeating (a killed worker) before giving its partitions to the others. */
  sessionTimeoutMs?: number;
  status?: LoopStatus;
  backoff?: Backoff;
  /** Runs before each attempt to start until one succeeds (creating the topics, say). */
  prepare?: () => Promise<void>;
}

type BatchControl = Pick<EachBatchPayload, 'heartbeat' | 'isRunning' | 'isStale'>;

/** Back-off waits are cut into slices this long, each followed by a heartbeat and a look at whether to go on. */
const PAUSE_SLICE_MS = 1_000;

/**
 * The worker's one consumer group over both event topics. A Kafka message is the notice that
 * an event exists and where it sits in its partition; the event itself is read back from the
 * event store by position, so handlers always see the authoritative, unredacted record.
 *
 * Nothing stops it for good. A batch whose handling fails (the database is down) is retried
 * in place with a bounded back-off, heartbeating meanwhile so the group keeps the partition,
 * and its offset is committed only once every sink has handled it; a rebalance or a stop ends
 * the retries without committing, so the next owner gets the batch again. If kafkajs itself
 * gives up (it stops a consumer for good on errors it deems non-retriable), a fresh consumer
 * is started after a back-off, as often as it takes.
 */
export class KafkaEventConsumer {
  private readonly logger = new Logger(KafkaEventConsumer.name);
  private readonly status: LoopStatus;
  private readonly byName: Map<string, EventTopic>;
  private consumer?: Consumer;
  private stopped = false;
  private prepared = false;
  private restart?: NodeJS.Timeout;
  private startFailures = 0;
  /** Partitions whose batch is failing and being retried: while there are any, the consumer is not healthy. */
  private readonly retrying = new Set<string>();

  constructor(
    private readonly kafka: Kafka,
    private readonly db: Database,
    topicPrefix: string,
    private readonly groupId: string,
    private readonly sinks: readonly EventSink[],
    private readonly options: ConsumerOptions = {},
  ) {
    this.status = options.status ?? new LoopStatus('consumer');
    this.byName = new Map<string, EventTopic>([TOPICS.events, TOPICS.legal].map((t) => [physicalTopic(topicPrefix, t), t]));
  }

  /** Makes the first attempt to join the group; if it fails, later attempts run in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.attemptStart();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restart);
    this.restart = undefined;
    await this.consumer?.disconnect().catch(() => undefined);
    this.status.stopped();
  }

  private async attemptStart(): Promise<void> {
    const consumer = this.createConsumer();
    this.consumer = consumer;
    try {
      if (!this.prepared) await this.options.prepare?.();
      this.prepared = true;
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.byName.keys()], fromBeginning: true });
      await consumer.run({
        partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
        // Offsets are resolved by hand, only for batches every sink has handled.
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.eachBatch(payload),
      });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      this.crashed(consumer, error);
      return;
    }
    if (this.startFailures > 0) this.logger.log(`consuming again after ${this.startFailures} failed starts`);
    else this.logger.log(`consuming ${[...this.byName.keys()].join(', ')}`);
    this.startFailures = 0;
    this.madeProgress();
  }

  private madeProgress(): void {
    if (this.retrying.size === 0) this.status.progressed();
  }

  private createConsumer(): Consumer {
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30_000;
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 50,
      sessionTimeout,
      heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
      // kafkajs restarts a crashed consumer only for errors it deems retriable, and silently
      // leaves it stopped otherwise; one restart path for every crash is ours (crashed()).
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000, restartOnFailure: async () => false },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => this.crashed(consumer, payload.error));
    consumer.on(consumer.events.FETCH, () => this.madeProgress());
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.madeProgress();
      this.logger.log(`joined ${payload.groupId} as ${payload.isLeader ? 'leader' : 'member'}; partitions ${JSON.stringify(payload.memberAssignment)}`);
    });
    return consumer;
  }

  /** The consumer stopped (or never started): log it and start a fresh one after a back-off. */
  private crashed(consumer: Consumer, error: unknown): void {
    if (this.stopped || consumer !== this.consumer || this.restart) return;
    this.startFailures += 1;
    this.status.failed(error);
    const delay = backoffDelay(this.startFailures, this.options.backoff ?? DEFAULT_BACKOFF);
    if (worthLogging(this.startFailures)) {
      this.logger.error(`consumer stopped (attempt ${this.startFailures}); starting a new one in ${delay} ms: ${(error as Error)?.message ?? String(error)}`);
    }
    this.restart = setTimeout(() => {
      this.restart = undefined;
      if (!this.stopped) void this.attemptStart();
    }, delay);
  }

  private async eachBatch({ batch, heartbeat, isRunning, isStale, resolveOffset, commitOffsetsIfNecessary }: EachBatchPayload): Promise<void> {
    const topic = this.byName.get(batch.topic);
    if (!topic || batch.messages.length === 0) return;
    const positions = batch.messages.map(positionOf);
    if (!(await this.deliver(topic, batch.partition, positions, { heartbeat, isRunning, isStale }))) return;
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
    this.madeProgress();
  }

  /**
   * Hands the batch to every sink in order, retrying from the sink that failed until all have
   * handled it. Answers false if it had to give up because the consumer is stopping or the
   * partition moved on (the batch stays uncommitted). Errors from `heartbeat` (a rebalance)
   * go to kafkajs, which rejoins the group.
   */
  private async deliver(topic: EventTopic, partition: number, positions: number[], control: BatchControl): Promise<boolean> {
    const key = `${topic}:${partition}`;
    try {
      return await this.deliverWithRetries(topic, partition, positions, control, key);
    } finally {
      this.retrying.delete(key);
    }
  }

  private async deliverWithRetries(topic: EventTopic, partition: number, positions: number[], control: BatchControl, key: string): Promise<boolean> {
    let events: StoredEvent[] | undefined;
    let handled = 0;
    for (let failures = 0; ; ) {
      try {
        events ??= await loadByPositions(this.db, positions);
        while (handled < this.sinks.length) {
          await this.sinks[handled].handle(topic, partition, events);
          handled += 1;
          await control.heartbeat();
        }
        if (failures > 0) this.logger.log(`partition ${partition} of ${topic}: handled after ${failures} failed attempts`);
        return true;
      } catch (error) {
        if ((error as Error)?.name?.startsWith('KafkaJS')) throw error;
        failures += 1;
        this.retrying.add(key);
        this.status.failed(error);
        const delay = backoffDelay(failures, this.options.backoff ?? DEFAULT_BACKOFF);
        if (worthLogging(failures)) {
          const sink = this.sinks[handled]?.name ?? 'loading';
          this.logger.warn(`partition ${partition} of ${topic} (${sink}) failed (attempt ${failures}); retrying in ${delay} ms: ${(error as Error)?.message ?? String(error)}`);
        }
        if (!(await this.pause(delay, control))) return false;
      }
    }
  }

  private async pause(ms: number, control: BatchControl): Promise<boolean> {
    for (let left = ms; left > 0; left -= PAUSE_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, PAUSE_SLICE_MS)));
      if (this.stopped || !control.isRunning() || control.isStale()) return false;
      await control.heartbeat();
    }
    return true;
  }
}

/** The event's position, from the header (or the CloudEvent body); NaN for a message that is not ours, which is then skipped. */
function positionOf(message: KafkaMessage): number {
  const header = message.headers?.['coalition-position']?.toString();
  if (header !== undefined) return Number(header);
  try {
    return Number(JSON.parse(message.value?.toString() ?? '{}').position);
  } catch {
    return Number.NaN;
  }
}

async function loadByPositions(db: Database, positions: number[]): Promise<StoredEvent[]> {
  const valid = positions.filter((p) => Number.isSafeInteger(p) && p > 0);
  if (valid.length === 0) return [];
  const rows = await db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE position = ANY($1::bigint[]) ORDER BY position`, [valid]);
  return rows.map(toStoredEvent);
}
