import { DomainEvent } from '@coalition/domain';
import { Frontier, StoredNode } from '@coalition/transparency-log';
import { Database, isDatabaseUnavailable, Queryable } from '@coalition/platform';
import { AppendRequest, AppendResult, EventFilter, WithinAppend, WithinAppendAll } from './append-request';
import { chained, conflictOf, insertEvents, readAppendState } from './append-statements';
import { FoldedStream, FoldedStreams, Folder } from './folded-streams';
import { GENESIS_HASH } from '../chain/hash-chain';
import { readFrontier } from '../transparency/tree-nodes';
import { EVENT_COLUMNS, StoredEvent, toStoredEvent } from './stored-event';

export * from './append-request';
export { APPENDED_CHANNEL } from './append-statements';

/**
 * Appends take this transaction-scoped advisory lock, so appends commit one transaction at a
 * time in position order. We chose it over the xid-based "visible below the oldest running
 * transaction" pattern because the hash chain needs the previous event's hash anyway, which
 * already forces a total order at append time; with the lock, a reader following
 * `position > n` can never see position n+2 before n+1 has committed (the lock is released
 * only after the commit is visible), so no reader can skip an event that committed late.
 *
 * Because the lock (and the commit's WAL flush under it) is the bottleneck, appends that
 * arrive in one process while a transaction is in flight wait and then go together in the
 * next one: one lock, one read, one insert and one commit for all of them (group commit).
 * Each append (one stream, or several through appendAll) keeps its own expected-version checks
 * and its own outcome: if anything fails the shared transaction, each is tried again alone.
 *
 * The same transaction extends the Merkle tree over the log (see the transparency-log
 * migration): the nodes each new event completes are inserted with it, from the tree's right
 * edge, which is kept in memory between appends and read again (O(log n) rows) only when
 * another process appended meanwhile. While the tree is behind the log (a backfill is
 * running), appends leave it to the backfill.
 */
export const APPEND_LOCK = 7_261_001;

/** One caller's append: one request, or several streams that commit together or not at all. */
interface PendingAppend {
  requests: readonly AppendRequest[];
  withinAppend?: WithinAppendAll;
  resolve(results: AppendResult[]): void;
  reject(error: unknown): void;
}

type Outcome = { pending: PendingAppend; results: AppendResult[] } | { pending: PendingAppend; error: unknown };

/** Most appends one transaction takes; more wait for the next. */
const MAX_BATCH = 256;
/** Transactions of one store open at once (see pump). */
const IN_FLIGHT = 2;

export class EventStore {
  private readonly listeners = new Set<(position: number) => void>();
  private readonly queue: PendingAppend[] = [];
  private inFlight = 0;

  private readonly folded: FoldedStreams;
  /** The tree's right edge after this process's last committed append, if it wrote the tree. */
  private frontier?: Frontier;

  constructor(private readonly db: Database) {
    this.folded = new FoldedStreams(db);
  }

  /** A stream folded to its current version, reading only what came after the last fold (see FoldedStreams). */
  fold<E extends DomainEvent, S>(folder: Folder<E, S>, streamId: string): Promise<FoldedStream<S>> {
    return this.folded.load(folder, streamId);
  }

  /** Called after every committed append in this process; the relay uses it to publish at once. */
  onAppended(listener: (position: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  append(request: AppendRequest, withinAppend?: WithinAppend): Promise<AppendResult> {
    // Queued directly: awaiting appendAll here resolves writers after the next transaction has
    // started with fewer appends in it, and group commit batches less (-25 % appends/s, bench).
    return new Promise<AppendResult>((resolve, reject) => {
      this.enqueue({ requests: [request], withinAppend: withinAppend && ((tx, results) => withinAppend(tx, results[0])), resolve: (results) => resolve(results[0]), reject });
    });
  }

  /**
   * Appends to several distinct streams in one transaction, in the order given: every stream's
   * expected version must hold, or none of them is written (the first conflict is thrown), and
   * work inside the append that fails rolls all of them back.
   */
  appendAll(requests: readonly AppendRequest[], withinAppend?: WithinAppendAll): Promise<AppendResult[]> {
    if (new Set(requests.map((r) => r.streamId)).size !== requests.length) return Promise.reject(new Error('appendAll takes each stream once'));
    return new Promise<AppendResult[]>((resolve, reject) => this.enqueue({ requests, withinAppend, resolve, reject }));
  }

  private enqueue(pending: PendingAppend): void {
    this.queue.push(pending);
    this.pump();
  }

  /**
   * Starts a transaction for what has queued, up to IN_FLIGHT at once: the next one opens and
   * waits at the lock while the current one commits, so the lock never waits for a BEGIN.
   */
  private pump(): void {
    while (this.inFlight < IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight += 1;
      void this.appendEach(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async appendEach(batch: PendingAppend[]): Promise<void> {
    try {
      await this.appendBatch(batch);
    } catch (error) {
      // Something failed the shared transaction (work inside one append, say): each
      // append gets a transaction of its own, so only the one at fault is refused. Not when
      // the database is unavailable: if the connection dropped at COMMIT, the batch may have
      // committed, and appending it again would record every command twice. Each caller gets
      // the error (a 503); a retry with its Idempotency-Key finds what did commit.
      if (batch.length === 1 || isDatabaseUnavailable(error)) for (const one of batch) one.reject(error);
      else for (const one of batch) await this.appendBatch([one]).catch(one.reject);
    }
  }

  private async appendBatch(batch: readonly PendingAppend[]): Promise<void> {
    const outcomes = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      const streamIds = [...new Set(batch.flatMap((b) => b.requests.map((r) => r.streamId)))];
      // The cached right edge is checked against the stored one: its last node must be in the table.
      const edge = this.frontier?.roots().at(-1);
      const { versions, edgeHash, treeSize, ...read } = await readAppendState(tx, streamIds, edge);
      let head = read.head;
      const outcomes: Outcome[] = [];
      const written: { event: StoredEvent; leaf: Buffer }[] = [];
      for (const pending of batch) {
        const conflict = conflictOf(pending.requests, versions);
        if (conflict) {
          outcomes.push({ pending, error: conflict });
          continue;
        }
        const results: AppendResult[] = [];
        for (const request of pending.requests) {
          const current = versions.get(request.streamId) ?? 0;
          const chain = chained(request, current, head);
          const stored = chain.map((c) => c.event);
          written.push(...chain);
          if (stored.length > 0) head = { position: stored[stored.length - 1].position, hash: stored[stored.length - 1].hash };
          versions.set(request.streamId, current + stored.length);
          const position = stored.length > 0 ? head.position : await this.lastPositionOf(tx, request.streamId);
          results.push({ streamId: request.streamId, version: current + stored.length, position, events: stored });
        }
        outcomes.push({ pending, results });
      }
      let tree: { frontier: Frontier; nodes: StoredNode[] } | undefined;
      if (written.length > 0 && treeSize === written[0].event.position - 1) {
        const cached = this.frontier?.treeSize === treeSize && edge && edgeHash && Buffer.from(edgeHash).equals(edge.hash) ? this.frontier : undefined;
        const frontier = cached ? cached.copy() : await readFrontier(tx, treeSize);
        const nodes: StoredNode[] = [];
        for (const { leaf } of written) nodes.push(...frontier.append(leaf));
        tree = { frontier, nodes };
      }
      if (written.length > 0) await insertEvents(tx, written, tree ? { from: treeSize, to: tree.frontier.treeSize, nodes: tree.nodes } : undefined);
      // Work inside an append that fails rolls the whole transaction back; flush() then
      // retries each append alone, so only the one whose work failed is refused.
      for (const outcome of outcomes) if ('results' in outcome) await outcome.pending.withinAppend?.(tx, outcome.results);
      // Kept before COMMIT, so the next transaction (already waiting at the lock) finds it; if the
      // COMMIT fails, the check above refuses it (its last node is not in the table).
      if (tree) this.frontier = tree.frontier;
      return outcomes;
    });
    for (const outcome of outcomes) {
      if ('error' in outcome) {
        outcome.pending.reject(outcome.error);
        continue;
      }
      outcome.pending.resolve(outcome.results);
      for (const result of outcome.results) {
        if (result.events.length > 0) for (const listener of this.listeners) listener(result.position);
      }
    }
  }

  async readStream(streamId: string, until?: Date): Promise<StoredEvent[]> {
    const rows = until
      ? await this.db.query(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND recorded_at <= $2 ORDER BY version`,
          [streamId, until],
        )
      : await this.db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 ORDER BY version`, [streamId]);
    return rows.map(toStoredEvent);
  }

  /** The last event of a stream, or undefined for a stream that does not exist. */
  async lastOfStream(streamId: string): Promise<{ version: number; position: number } | undefined> {
    const [row] = await this.db.query<{ version: number; position: string }>(
      'SELECT version, position FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1',
      [streamId],
    );
    return row ? { version: Number(row.version), position: Number(row.position) } : undefined;
  }

  async readAll(after: number, limit: number, filter: EventFilter = {}): Promise<StoredEvent[]> {
    const where = ['position > $1'];
    const params: unknown[] = [after];
    const add = (clause: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.streamId) add((p) => `stream_id = ${p}`, filter.streamId);
    if (filter.type) add((p) => `type = ${p}`, filter.type);
    if (filter.stateCode) add((p) => `metadata->'actor'->>'stateCode' = ${p}`, filter.stateCode);
    if (filter.actorId) add((p) => `metadata->'actor'->>'id' = ${p}`, filter.actorId);
    if (filter.from) add((p) => `recorded_at >= ${p}`, filter.from);
    if (filter.to) add((p) => `recorded_at <= ${p}`, filter.to);
    params.push(limit);
    const rows = await this.db.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT $${params.length}`,
      params,
    );
    return rows.map(toStoredEvent);
  }

  /** Every event after `after`, in position order, fetched in keyset pages so memory stays flat. */
  async *iterate(after = 0, pageSize = 1000, filter: EventFilter = {}): AsyncGenerator<StoredEvent> {
    let cursor = after;
    for (;;) {
      const page = await this.readAll(cursor, pageSize, filter);
      for (const event of page) yield event;
      if (page.length < pageSize) return;
      cursor = page[page.length - 1].position;
    }
  }

  async head(): Promise<{ position: number; hash: string }> {
    const [row] = await this.db.query<{ position: string; hash: string }>(
      'SELECT position, hash FROM events ORDER BY position DESC LIMIT 1',
    );
    return row ? { position: Number(row.position), hash: row.hash } : { position: 0, hash: GENESIS_HASH };
  }

  private async lastPositionOf(tx: Queryable, streamId: string): Promise<number> {
    const [row] = await tx.query<{ position: string | null }>('SELECT max(position) AS position FROM events WHERE stream_id = $1', [streamId]);
    return row?.position == null ? 0 : Number(row.position);
  }
}
