import { createHash, randomInt } from 'node:crypto';
import { EMPTY_ROOT, leafHash, nodeHash } from './hashes';
import { consistencyProof, Frontier, frontierKeys, inclusionProof, nodeId, nodesRead, NodeSource, rootAt, sourceOf, StoredNode } from './tree';
import { RootBuilder, verifierLeafHash, verifyConsistency, verifyInclusion } from './verify';

/** MTH straight from RFC 9162 §2.1.1's recursive definition, over the leaf data itself. */
function referenceRoot(leaves: readonly Buffer[]): Buffer {
  const sha = (...parts: Buffer[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
  if (leaves.length === 0) return sha();
  if (leaves.length === 1) return sha(Buffer.from([0]), leaves[0]);
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha(Buffer.from([1]), referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

const leafData = (i: number) => Buffer.from(`{"position":${i + 1},"type":"Leaf"}`);

/** A store of every node the frontier completes, as PostgreSQL keeps them. */
function grow(size: number): { nodes: Map<string, StoredNode>; source: NodeSource; frontier: Frontier; leaves: Buffer[] } {
  const frontier = Frontier.empty();
  const nodes = new Map<string, StoredNode>();
  const leaves: Buffer[] = [];
  for (let i = 0; i < size; i++) {
    leaves.push(leafData(i));
    for (const node of frontier.append(leaves[i])) nodes.set(nodeId(node.level, node.index), node);
  }
  return { nodes, source: sourceOf(nodes.values()), frontier, leaves };
}

const SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257, 1000, 1023, 1024, 1025];
const RANDOM_SIZES = Array.from({ length: 6 }, () => randomInt(2, 3000));

describe('RFC 9162 Merkle tree', () => {
  it('hashes the empty tree, a leaf and a node as RFC 9162 §2.1.1 defines them', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // RFC 6962's reference test vectors (certificate-transparency-go merkle tests): the leaf hash of empty data.
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    expect(nodeHash(a, b)).toEqual(createHash('sha256').update(Buffer.from([1])).update(a).update(b).digest());
  });

  it.each([0, ...SIZES, ...RANDOM_SIZES])('computes the root of %i leaves as the recursive definition does, three ways', (size) => {
    const { source, frontier, leaves } = grow(size);
    const expected = referenceRoot(leaves);
    expect(frontier.root()).toEqual(expected);
    expect(rootAt(size, source)).toEqual(expected);
    const builder = new RootBuilder();
    for (const leaf of leaves) builder.addLeafHash(verifierLeafHash(leaf));
    expect(builder.root()).toEqual(expected);
  });

  it('keeps about two nodes per leaf and a right edge of one node per set bit', () => {
    const { nodes, frontier } = grow(1000);
    expect(nodes.size).toBe(2 * 1000 - 6); // 2n - popcount(n): 1000 has six bits set
    expect(frontierKeys(1000)).toEqual(frontier.roots().map(({ level, index }) => ({ level, index })));
    const resumed = Frontier.of(1000, frontierKeys(1000).map((k) => nodes.get(nodeId(k.level, k.index)) as StoredNode));
    expect(resumed.root()).toEqual(frontier.root());
  });

  describe.each([...SIZES, ...RANDOM_SIZES])('a tree of %i leaves', (size) => {
    const { source, leaves } = grow(size);
    const root = rootAt(size, source);
    const indices = [...new Set([0, 1, size >> 1, size - 2, size - 1, randomInt(0, size)])].filter((i) => i >= 0 && i < size);

    it('proves the inclusion of every sampled leaf, and nothing else', () => {
      for (const index of indices) {
        const proof = inclusionProof(index, size, source);
        const hash = verifierLeafHash(leaves[index]);
        expect(verifyInclusion(index, size, hash, proof, root)).toBe(true);
        // A changed leaf, another index, another root or a changed proof element is refused.
        expect(verifyInclusion(index, size, verifierLeafHash(Buffer.from('tampered')), proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion((index + 1) % size, size, hash, proof, root)).toBe(false);
        expect(verifyInclusion(index, size, hash, proof, Buffer.alloc(32))).toBe(false);
        if (proof.length > 0) {
          const bent = proof.map((p) => Buffer.from(p));
          bent[bent.length - 1][0] ^= 1;
          expect(verifyInclusion(index, size, hash, bent, root)).toBe(false);
          expect(verifyInclusion(index, size, hash, proof.slice(0, -1), root)).toBe(false);
        }
      }
    });

    it('proves every sampled prefix consistent with the whole, and refuses a rewritten one', () => {
      const froms = [...new Set([1, 2, 3, size >> 1, size - 1, size, randomInt(1, size + 1)])].filter((m) => m >= 1 && m <= size);
      for (const from of froms) {
        const proof = consistencyProof(from, size, source);
        const fromRoot = referenceRoot(leaves.slice(0, from));
        expect(verifyConsistency(from, size, fromRoot, root, proof)).toBe(true);
        const forked = [...leaves.slice(0, from - 1), Buffer.from('forked'), ...leaves.slice(from)];
        expect(verifyConsistency(from, size, referenceRoot(forked.slice(0, from)), root, proof)).toBe(false);
        if (from < size) {
          expect(verifyConsistency(from, size, fromRoot, referenceRoot(forked), proof)).toBe(false);
          expect(verifyConsistency(from, size, fromRoot, root, [])).toBe(false);
        }
      }
    });

    it('reads O(log n) stored nodes for a proof', () => {
      const bound = 2 * Math.ceil(Math.log2(size + 1)) + 2;
      expect(nodesRead((node) => inclusionProof(size - 1, size, node)).length).toBeLessThanOrEqual(bound);
      expect(nodesRead((node) => consistencyProof(Math.max(1, size >> 1), size, node)).length).toBeLessThanOrEqual(bound);
    });
  });

  it('refuses proofs for leaves and sizes outside the tree', () => {
    const { source } = grow(5);
    expect(() => inclusionProof(5, 5, source)).toThrow(RangeError);
    expect(() => consistencyProof(6, 5, source)).toThrow(RangeError);
    expect(verifyInclusion(0, 0, Buffer.alloc(32), [], Buffer.alloc(32))).toBe(false);
    expect(verifyConsistency(6, 5, Buffer.alloc(32), Buffer.alloc(32), [])).toBe(false);
  });
});
