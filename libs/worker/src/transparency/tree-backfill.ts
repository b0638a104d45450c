import { Logger } from '@nestjs/common';
import { Frontier } from '@coalition/transparency-log';
import { BackoffLoop, Database, LoopStatus } from '@coalition/platform';
import { BackfillStep, backfillTreeStep } from '@coalition/event-store';

/**
 * The worker's loop that brings the Merkle tree level with the log on a store that had events
 * before the tree existed: one batch per pass, at once while there is more, then idle. Each
 * batch commits on its own, so a restart resumes where the last one stopped.
 */
export class TreeBackfill {
  private readonly logger = new Logger(TreeBackfill.name);
  private readonly loop: BackoffLoop;
  private readonly cache: { frontier?: Frontier } = {};
  private reportedBehind = false;

  constructor(
    private readonly db: Database,
    private readonly batchSize: number,
    private readonly observer: { step?(step: BackfillStep): void } = {},
    status: LoopStatus = new LoopStatus('tree-backfill'),
  ) {
    this.loop = new BackoffLoop(() => this.pass(), { idleMs: 5_000, status, what: 'tree backfill' }, TreeBackfill.name);
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async pass(): Promise<boolean> {
    const step = await backfillTreeStep(this.db, this.batchSize, this.cache);
    this.observer.step?.(step);
    if (step.added > 0 && !this.reportedBehind) this.logger.log(`backfilling the Merkle tree: ${step.size} of ${step.head} events`);
    this.reportedBehind = step.added > 0;
    if (step.added > 0 && step.size >= step.head) this.logger.log(`the Merkle tree covers the log: ${step.size} events`);
    return step.added > 0;
  }
}
