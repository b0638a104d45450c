import { leafHash, rootFromInclusionProof, verifyInclusion } from './merkle';
import { auditPath, text, treeHash } from './testing/test-log';

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => text(`{"position":${i + 1}}`));
const flipped = (bytes: Uint8Array, at = 0) => Uint8Array.from(bytes, (b, i) => (i === at ? b ^ 0x01 : b));

describe('RFC 9162 inclusion proofs, checked in the browser', () => {
  it('hashes a leaf as SHA-256(0x00 || leaf)', async () => {
    // RFC 6962/9162: the hash of the empty leaf is SHA-256 of the single byte 0x00.
    expect(Buffer.from(await leafHash(new Uint8Array())).toString('hex')).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });

  it.each([1, 2, 3, 4, 5, 7, 8, 9, 16, 17])('accepts the proof of every leaf of a tree of %i', async (size) => {
    const leaves = leavesOf(size);
    const root = await treeHash(leaves);
    for (let index = 0; index < size; index++) {
      const proof = await auditPath(index, leaves);
      expect(await verifyInclusion(index, size, await leafHash(leaves[index]), proof, root)).toBe(true);
    }
  });

  describe('refuses', () => {
    const size = 7;
    const index = 4;
    const leaves = leavesOf(size);
    let root: Uint8Array;
    let proof: Uint8Array[];
    let hash: Uint8Array;
    beforeAll(async () => {
      root = await treeHash(leaves);
      proof = await auditPath(index, leaves);
      hash = await leafHash(leaves[index]);
    });

    it('a tampered leaf', async () => {
      expect(await verifyInclusion(index, size, await leafHash(flipped(leaves[index], 3)), proof, root)).toBe(false);
    });

    it('each tampered proof element', async () => {
      for (let i = 0; i < proof.length; i++) {
        const tampered = proof.map((p, j) => (j === i ? flipped(p, 31) : p));
        expect(await verifyInclusion(index, size, hash, tampered, root)).toBe(false);
      }
    });

    it('a wrong tree size, a wrong index and a wrong root', async () => {
      // A size whose tree has the same shape around the leaf (8 for leaf 4 of 7) leads to the same
      // root: the signed checkpoint binds size and root together, and checkVoteInclusion holds the
      // proof to the checkpoint's size.
      for (const wrong of [size - 2, size - 1, size + 2, 16]) expect(await verifyInclusion(index, wrong, hash, proof, root)).toBe(false);
      expect(await verifyInclusion(index - 1, size, hash, proof, root)).toBe(false);
      expect(await verifyInclusion(index, size, hash, proof, await treeHash(leavesOf(size + 1)))).toBe(false);
    });

    it('a proof with an element too many or too few, and an index outside the tree', async () => {
      expect(await rootFromInclusionProof(index, size, hash, [...proof, proof[0]])).toBeUndefined();
      expect(await rootFromInclusionProof(index, size, hash, proof.slice(0, -1))).toBeUndefined();
      expect(await rootFromInclusionProof(size, size, hash, proof)).toBeUndefined();
      expect(await rootFromInclusionProof(-1, size, hash, proof)).toBeUndefined();
    });
  });
});
