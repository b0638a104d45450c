import { equalBytes, sha256 } from './bytes';

/*
 * RFC 9162 §2.1: the Merkle tree of the log. A leaf's hash is SHA-256(0x00 || leaf data), an
 * inner node's SHA-256(0x01 || left || right).
 */

const LEAF = Uint8Array.of(0x00);
const NODE = Uint8Array.of(0x01);

export const leafHash = (leaf: Uint8Array): Promise<Uint8Array> => sha256(LEAF, leaf);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Uint8Array> => sha256(NODE, left, right);

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or undefined when the proof cannot
 * belong to a tree of that size (too long, too short, or an index outside the tree). Arithmetic
 * rather than bit operators, so that sizes past 2^31 work too.
 */
export async function rootFromInclusionProof(leafIndex: number, treeSize: number, hash: Uint8Array, proof: Uint8Array[]): Promise<Uint8Array | undefined> {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return undefined;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = hash;
  for (const p of proof) {
    if (p.length !== 32 || sn === 0) return undefined;
    if (isOdd(fn) || fn === sn) {
      r = await nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : undefined;
}

/** Whether `proof` shows the leaf with this hash at `leafIndex` in the tree of `treeSize` leaves with this root. */
export async function verifyInclusion(leafIndex: number, treeSize: number, hash: Uint8Array, proof: Uint8Array[], root: Uint8Array): Promise<boolean> {
  const computed = await rootFromInclusionProof(leafIndex, treeSize, hash, proof);
  return computed !== undefined && equalBytes(computed, root);
}
