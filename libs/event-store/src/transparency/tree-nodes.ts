import { Frontier, frontierKeys, Hash, NodeKey, StoredNode } from '@coalition/transparency-log';
import { Queryable } from '@coalition/platform';

const asBuffer = (value: unknown): Buffer => (Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array));

/** How many leaves the stored nodes cover (the tree's size); the log's head when caught up. */
export async function storedTreeSize(q: Queryable): Promise<number> {
  const [row] = await q.query<{ size: string }>('SELECT size FROM tlog_state');
  return row ? Number(row.size) : 0;
}

/** The stored complete subtrees with these keys, in one query. */
export async function readNodes(q: Queryable, keys: readonly NodeKey[]): Promise<StoredNode[]> {
  if (keys.length === 0) return [];
  const rows = await q.query<{ level: number; idx: string; hash: Uint8Array }>(
    `SELECT n.level, n.idx, n.hash FROM tlog_nodes n
       JOIN unnest($1::smallint[], $2::bigint[]) AS k(level, idx) ON n.level = k.level AND n.idx = k.idx`,
    [keys.map((k) => k.level), keys.map((k) => k.index)],
  );
  return rows.map((r) => ({ level: Number(r.level), index: Number(r.idx), hash: asBuffer(r.hash) }));
}

/** The right edge of the stored tree of `size` leaves. */
export async function readFrontier(q: Queryable, size: number): Promise<Frontier> {
  const keys = frontierKeys(size);
  const found = await readNodes(q, keys);
  const byKey = new Map(found.map((n) => [`${n.level}:${n.index}`, n]));
  return Frontier.of(
    size,
    keys.map((k) => {
      const node = byKey.get(`${k.level}:${k.index}`);
      if (!node) throw new Error(`tree node ${k.level}/${k.index} is missing for size ${size}`);
      return node;
    }),
  );
}

/** Parameters for an INSERT … SELECT FROM unnest($a::smallint[], $b::bigint[], $c::text[]) with decode(hash, 'hex'). */
export const nodeColumns = (nodes: readonly StoredNode[]): [number[], number[], string[]] => [
  nodes.map((n) => n.level),
  nodes.map((n) => n.index),
  nodes.map((n) => (n.hash as Hash).toString('hex')),
];
