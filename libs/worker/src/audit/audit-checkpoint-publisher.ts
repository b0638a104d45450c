import { Logger } from '@nestjs/common';
import { BackoffLoop, Database, LoopStatus } from '@coalition/platform';
import { ChainCheckpoint, verifyChain } from '@coalition/event-store';
import { AuditCheckpoint } from '@coalition/read-side';
import { CheckpointSigner } from '../transparency/checkpoint-signer';

export interface AuditCheckpointOptions {
  /** Publish once the head has moved this many events past the last checkpoint... */
  everyEvents: number;
  /** ...or this long after the last one, if the head has moved at all. */
  intervalMs: number;
  /** How often the head is looked at. */
  pollMs: number;
}

export type CheckpointSink = (checkpoint: AuditCheckpoint) => Promise<void>;

/**
 * Publishes the hash-chain head every N events or T seconds, so other states can keep copies
 * and later check the chain against them (`GET /audit/verify?position=&hash=`). Before
 * vouching for a head it verifies the chain from the previous checkpoint up to it, so every
 * published head is linked to the one before; a broken chain is reported, never published.
 * Checkpoints are also recorded in `audit_checkpoints`, which is where the next run resumes.
 */
export class AuditCheckpointPublisher {
  private readonly logger = new Logger(AuditCheckpointPublisher.name);
  private readonly loop: BackoffLoop;
  private lastPublishedAt = 0;
  private brokenReported = false;

  constructor(
    private readonly db: Database,
    private readonly sink: CheckpointSink | undefined,
    private readonly options: AuditCheckpointOptions,
    private readonly observer: { published?(checkpoint: AuditCheckpoint): void; broken?(position: number, reason: string): void } = {},
    status: LoopStatus = new LoopStatus('checkpoints'),
    private readonly signer?: CheckpointSigner,
  ) {
    this.loop = new BackoffLoop(async () => {
      await this.publishIfDue();
      return false;
    }, { idleMs: options.pollMs, status, what: 'audit checkpoint' }, AuditCheckpointPublisher.name);
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Publishes a checkpoint if N events or T seconds have passed; answers it, or undefined. */
  async publishIfDue(now = Date.now()): Promise<AuditCheckpoint | undefined> {
    const last = await this.lastCheckpoint();
    const [head] = await this.db.query<{ position: string }>('SELECT position FROM events ORDER BY position DESC LIMIT 1');
    const headPosition = head ? Number(head.position) : 0;
    const moved = headPosition - (last?.position ?? 0);
    if (moved <= 0) return undefined;
    if (moved < this.options.everyEvents && now - this.lastPublishedAt < this.options.intervalMs) return undefined;
    return this.publish(last);
  }

  private async publish(last: ChainCheckpoint | undefined): Promise<AuditCheckpoint | undefined> {
    const verified = await verifyChain(this.db, { from: last });
    if (!verified.ok) {
      if (!this.brokenReported) {
        this.logger.error(`audit chain broken at position ${verified.firstInvalidPosition}: ${verified.reason}; no checkpoint published`);
        this.observer.broken?.(verified.firstInvalidPosition, verified.reason);
      }
      this.brokenReported = true;
      return undefined;
    }
    this.brokenReported = false;
    const [head] = await this.db.query<{ recorded_at: Date | string }>('SELECT recorded_at FROM events WHERE position = $1', [verified.headPosition]);
    const signed = await this.signer?.signLatest();
    const checkpoint: AuditCheckpoint = {
      position: verified.headPosition,
      hash: verified.headHash,
      time: new Date(head.recorded_at).toISOString(),
      publishedAt: new Date().toISOString(),
      ...signed,
    };
    await this.sink?.(checkpoint);
    await this.db.query(`INSERT INTO audit_checkpoints (position, hash, time, published_at) VALUES ($1, $2, $3, $4) ON CONFLICT (position) DO NOTHING`, [
      checkpoint.position,
      checkpoint.hash,
      checkpoint.time,
      checkpoint.publishedAt,
    ]);
    this.lastPublishedAt = Date.now();
    this.observer.published?.(checkpoint);
    return checkpoint;
  }

  private async lastCheckpoint(): Promise<ChainCheckpoint | undefined> {
    const [row] = await this.db.query<{ position: string; hash: string }>('SELECT position, hash FROM audit_checkpoints ORDER BY position DESC LIMIT 1');
    return row ? { position: Number(row.position), hash: row.hash } : undefined;
  }
}
