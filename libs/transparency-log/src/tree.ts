import { EMPTY_ROOT, Hash, leafHash, nodeHash } from './hashes';

/**
 * A complete subtree: the 2^level leaves from index·2^level. Level 0 is a leaf hash. Every
 * node of the tree that will never change again is one of these, so a store that keeps them
 * (two rows per leaf on average) can answer any proof for any tree size with O(log n) reads.
 */
export interface NodeKey {
  level: number;
  index: number;
}

export interface StoredNode extends NodeKey {
  hash: Hash;
}

/** Reads complete subtrees; a missing one is a programming error (the caller fetched too few). */
export type NodeSource = (level: number, index: number) => Hash;

export const nodeId = (level: number, index: number): string => `${level}:${index}`;

/** The largest power of two strictly below n (n ≥ 2), as RFC 9162 §2.1.1 splits a tree. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number): boolean => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/** MTH(D[start:end]) from complete subtrees; `start` is always aligned in the recursions below. */
export function subtreeHash(start: number, end: number, node: NodeSource): Hash {
  const size = end - start;
  if (size === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(size) && start % size === 0) return node(Math.round(Math.log2(size)), start / size);
  const k = splitPoint(size);
  return nodeHash(subtreeHash(start, start + k, node), subtreeHash(start + k, end, node));
}

/** The root of the first `size` leaves. */
export const rootAt = (size: number, node: NodeSource): Hash => subtreeHash(0, size, node);

function path(m: number, start: number, end: number, node: NodeSource): Hash[] {
  const n = end - start;
  if (n === 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...path(m, start, start + k, node), subtreeHash(start + k, end, node)]
    : [...path(m - k, start + k, end, node), subtreeHash(start, start + k, node)];
}

/** RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of `size` leaves, leaf to root. */
export function inclusionProof(index: number, size: number, node: NodeSource): Hash[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
  }
  return path(index, 0, size, node);
}

function subproof(m: number, start: number, end: number, complete: boolean, node: NodeSource): Hash[] {
  const n = end - start;
  if (m === n) return complete ? [] : [subtreeHash(start, end, node)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, start, start + k, complete, node), subtreeHash(start + k, end, node)]
    : [...subproof(m - k, start + k, end, false, node), subtreeHash(start, start + k, node)];
}

/** RFC 9162 §2.1.4.1: proves the tree of `from` leaves is a prefix of the tree of `to`; [] when from = to (or from = 0). */
export function consistencyProof(from: number, to: number, node: NodeSource): Hash[] {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) {
    throw new RangeError(`no consistency proof from ${from} to ${to}`);
  }
  if (from === 0 || from === to) return [];
  return subproof(from, 0, to, true, node);
}

/**
 * Which complete subtrees a computation reads. The proof algorithms' control flow depends
 * only on sizes, never on hash values, so running one against a recording source names every
 * node it needs: a store fetches them in one query, then the computation runs for real.
 */
export function nodesRead(compute: (node: NodeSource) => unknown): NodeKey[] {
  const seen = new Map<string, NodeKey>();
  const placeholder = Buffer.alloc(32);
  compute((level, index) => {
    seen.set(nodeId(level, index), { level, index });
    return placeholder;
  });
  return [...seen.values()];
}

/** A source over fetched nodes; reading one that was not fetched throws. */
export function sourceOf(nodes: Iterable<StoredNode>): NodeSource {
  const byId = new Map<string, Hash>();
  for (const n of nodes) byId.set(nodeId(n.level, n.index), n.hash);
  return (level, index) => {
    const found = byId.get(nodeId(level, index));
    if (!found) throw new Error(`tree node ${level}/${index} is missing`);
    return found;
  };
}

/** The complete subtrees that make up a tree of `size` leaves, largest (leftmost) first. */
export function frontierKeys(size: number): NodeKey[] {
  const keys: NodeKey[] = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))) + 1; level >= 0; level--) {
    const width = 2 ** level;
    if (size - start >= width) {
      keys.push({ level, index: start / width });
      start += width;
    }
  }
  return keys;
}

/**
 * The right edge of a growing tree: the roots of its complete subtrees, largest first. Each
 * appended leaf yields the nodes it completes (its own leaf hash and every parent it closes),
 * which is exactly what a store keeps.
 */
export class Frontier {
  private constructor(
    private size: number,
    private readonly stack: StoredNode[],
  ) {}

  static empty(): Frontier {
    return new Frontier(0, []);
  }

  /** From the stored roots of `frontierKeys(size)`, in that order. */
  static of(size: number, roots: readonly StoredNode[]): Frontier {
    const expected = frontierKeys(size);
    if (roots.length !== expected.length || roots.some((r, i) => r.level !== expected[i].level || r.index !== expected[i].index)) {
      throw new Error(`the stored right edge does not match a tree of ${size}`);
    }
    return new Frontier(size, roots.map((r) => ({ ...r })));
  }

  get treeSize(): number {
    return this.size;
  }

  copy(): Frontier {
    return new Frontier(this.size, this.stack.map((r) => ({ ...r })));
  }

  /** Appends one leaf (by its data) and answers the nodes it completed, leaf first. */
  append(data: Uint8Array): StoredNode[] {
    return this.appendHash(leafHash(data));
  }

  appendHash(hash: Hash): StoredNode[] {
    let node: StoredNode = { level: 0, index: this.size, hash };
    const completed = [node];
    while (node.index % 2 === 1) {
      const left = this.stack.pop();
      if (!left || left.level !== node.level) throw new Error('frontier out of order');
      node = { level: node.level + 1, index: (node.index - 1) / 2, hash: nodeHash(left.hash, node.hash) };
      completed.push(node);
    }
    this.stack.push(node);
    this.size += 1;
    return completed;
  }

  root(): Hash {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let root = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) root = nodeHash(this.stack[i].hash, root);
    return root;
  }

  roots(): StoredNode[] {
    return this.stack.map((r) => ({ ...r }));
  }
}
