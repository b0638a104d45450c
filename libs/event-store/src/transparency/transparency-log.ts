import { consistencyProof, Frontier, Hash, inclusionProof, NodeSource, nodesRead, rootAt, sourceOf } from '@coalition/transparency-log';
import { SECRET_EVENT_FIELDS } from '@coalition/domain';
import { Database } from '@coalition/platform';
import { canonicalBytes, chainHashOf, GENESIS_HASH } from '../chain/hash-chain';
import { EVENT_COLUMNS, StoredEvent, toStoredEvent } from '../store/stored-event';
import { nodeColumns, readFrontier, storedTreeSize } from './tree-nodes';

export class TreeSizeUnavailable extends Error {
  constructor(
    readonly requested: number,
    readonly available: number,
  ) {
    super(`the tree has ${available} leaves; ${requested} is beyond it`);
  }
}

export interface InclusionProof {
  position: number;
  leafIndex: number;
  treeSize: number;
  /** The event's canonical bytes, base64; withheld (with redactedFields) when they hold credentials. */
  leaf?: string;
  leafHash: string;
  proof: string[];
  redactedFields?: string[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  proof: string[];
}

const b64 = (h: Hash): string => h.toString('base64');

/** The event's fields that are credentials: its leaf bytes are then not served, only its hash. */
export const credentialFields = (event: StoredEvent): string[] =>
  Object.keys(event.data).filter((key) => (SECRET_EVENT_FIELDS as readonly string[]).includes(key));

/** Proofs and roots over the stored tree: each reads O(log n) nodes in one query. */
export class TransparencyLog {
  constructor(private readonly db: Database) {}

  treeSize(): Promise<number> {
    return storedTreeSize(this.db);
  }

  /**
   * Runs a proof computation for a tree of `size` leaves (the current tree when undefined) with
   * the nodes it reads, fetched with the tree's size in one query: one round trip per proof.
   */
  private async compute<T>(size: number | undefined, work: (size: number, node: NodeSource) => T): Promise<{ size: number; result: T }> {
    const wanted = size ?? (await storedTreeSize(this.db));
    const keys = nodesRead((node) => work(wanted, node));
    const rows = await this.db.query<{ level: number | null; idx: string | null; hash: Uint8Array | null; tree_size: string }>(
      `SELECT n.level, n.idx, n.hash, s.size AS tree_size
         FROM tlog_state s
         LEFT JOIN (
           SELECT t.level, t.idx, t.hash FROM tlog_nodes t
             JOIN unnest($1::smallint[], $2::bigint[]) AS k(level, idx) ON t.level = k.level AND t.idx = k.idx
         ) n ON true`,
      [keys.map((k) => k.level), keys.map((k) => k.index)],
    );
    const available = Number(rows[0]?.tree_size ?? 0);
    if (wanted > available) throw new TreeSizeUnavailable(wanted, available);
    const nodes = rows.filter((r) => r.hash !== null).map((r) => ({ level: Number(r.level), index: Number(r.idx), hash: Buffer.from(r.hash as Uint8Array) }));
    return { size: wanted, result: work(wanted, sourceOf(nodes)) };
  }

  async root(size: number): Promise<Hash> {
    return (await this.compute(size, (n, node) => rootAt(n, node))).result;
  }

  async inclusion(position: number, treeSize?: number): Promise<InclusionProof> {
    if (treeSize !== undefined && (position < 1 || position > treeSize)) throw new TreeSizeUnavailable(position, treeSize);
    const index = position - 1;
    const [computed, rows] = await Promise.all([
      this.compute(treeSize, (n, node) => {
        if (index >= n) throw new TreeSizeUnavailable(position, n);
        return { proof: inclusionProof(index, n, node), leaf: node(0, index) };
      }),
      this.db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE position = $1`, [position]),
    ]);
    const event = toStoredEvent(rows[0]);
    const { proof, leaf } = computed.result;
    const redacted = credentialFields(event);
    return {
      position,
      leafIndex: index,
      treeSize: computed.size,
      ...(redacted.length === 0 ? { leaf: canonicalBytes(event).toString('base64') } : {}),
      leafHash: b64(leaf),
      proof: proof.map(b64),
      ...(redacted.length > 0 ? { redactedFields: redacted } : {}),
    };
  }

  async consistency(from: number, to?: number): Promise<ConsistencyProof> {
    if (to !== undefined && from > to) throw new TreeSizeUnavailable(from, to);
    const { size, result } = await this.compute(to, (n, node) => {
      if (from > n) throw new TreeSizeUnavailable(from, n);
      return consistencyProof(from, n, node);
    });
    return { from, to: size, proof: result.map(b64) };
  }

  /** The latest signed checkpoint with every cosignature collected for it, as one signed note. */
  async latestCheckpoint(): Promise<{ size: number; note: string } | undefined> {
    const [row] = await this.db.query<{ size: string; note: string }>('SELECT size, note FROM tlog_checkpoints ORDER BY size DESC LIMIT 1');
    if (!row) return undefined;
    const lines = await this.db.query<{ line: string }>('SELECT line FROM tlog_cosignatures WHERE size = $1 ORDER BY witness', [row.size]);
    return { size: Number(row.size), note: row.note + lines.map((l) => l.line).join('') };
  }
}

export interface BackfillStep {
  /** Leaves the tree covers after this step. */
  size: number;
  /** Events in the log. */
  head: number;
  added: number;
}

/**
 * One batch of the tree's backfill for a store that had events before the tree existed: reads
 * the next `batchSize` events after the tree's size, checks their chain links, and inserts the
 * nodes they complete together with the new size, in one statement that applies only if the
 * size is still what it read (so two workers never both apply a batch, and an append that
 * extended the tree meanwhile wins). Appends do not touch a tree that is behind; once the
 * backfill reaches the head they take over, in their own transactions.
 */
export async function backfillTreeStep(db: Database, batchSize = 5000, cache?: { frontier?: Frontier }): Promise<BackfillStep> {
  const size = await storedTreeSize(db);
  const [head] = await db.query<{ position: string | null }>('SELECT max(position) AS position FROM events');
  const headPosition = Number(head?.position ?? 0);
  if (size >= headPosition) return { size, head: headPosition, added: 0 };
  const frontier = cache?.frontier?.treeSize === size ? cache.frontier.copy() : await readFrontier(db, size);
  const rows = await db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, [size, batchSize]);
  let prevHash = size === 0 ? GENESIS_HASH : (await db.query<{ hash: string }>('SELECT hash FROM events WHERE position = $1', [size]))[0].hash;
  const nodes = [];
  for (const row of rows) {
    const event = toStoredEvent(row);
    if (event.position !== frontier.treeSize + 1) throw new Error(`position ${frontier.treeSize + 1} is missing from the log`);
    const leaf = canonicalBytes(event);
    if (event.prevHash !== prevHash || chainHashOf(prevHash, leaf) !== event.hash) {
      throw new Error(`the hash chain is broken at position ${event.position}: the tree is not extended over it`);
    }
    prevHash = event.hash;
    nodes.push(...frontier.append(leaf));
  }
  const [applied] = await db.query<{ applied: number }>(
    `WITH grown AS (UPDATE tlog_state SET size = $4 WHERE size = $5 RETURNING 1),
          inserted AS (
            INSERT INTO tlog_nodes (level, idx, hash)
            SELECT level, idx, decode(hash, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS n(level, idx, hash)
            WHERE EXISTS (SELECT 1 FROM grown)
            ON CONFLICT DO NOTHING
          )
     SELECT count(*)::int AS applied FROM grown`,
    [...nodeColumns(nodes), frontier.treeSize, size],
  );
  if (applied.applied === 0) return { size: await storedTreeSize(db), head: headPosition, added: 0 };
  if (cache) cache.frontier = frontier;
  return { size: frontier.treeSize, head: headPosition, added: rows.length };
}

/** Runs the backfill to the head (or `until` leaves) and answers the last step. */
export async function backfillTree(db: Database, batchSize = 5000): Promise<BackfillStep> {
  const cache: { frontier?: Frontier } = {};
  for (;;) {
    const step = await backfillTreeStep(db, batchSize, cache);
    if (step.added === 0) return step;
  }
}

