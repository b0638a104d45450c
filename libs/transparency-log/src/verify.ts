import { createHash, hash as oneShot, timingSafeEqual } from 'node:crypto';

/*
 * The verifier is written from RFC 9162's verification algorithms (§2.1.3.2 and §2.1.4.2),
 * step by step, and shares no code with the prover in tree.ts: a mistake in one is not
 * repeated in the other, so the tests that run one against the other can fail.
 */

const h = (...parts: Uint8Array[]): Buffer => {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  return digest.digest();
};
const LEAF = Uint8Array.of(0x00);
// One reused buffer for 0x01 || left || right: full verification hashes a node per leaf.
const children = Buffer.alloc(65, 0x01);
const hashChildren = (left: Uint8Array, right: Uint8Array): Buffer => {
  children.set(left, 1);
  children.set(right, 33);
  return oneShot('sha256', children, 'buffer');
};
const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);

/** Halving that stays exact above 2^31, where `>>` would not. */
const shift = (x: number): number => Math.floor(x / 2);
const lsb = (x: number): boolean => x % 2 === 1;

/** RFC 9162 §2.1.3.2: does `proof` show the leaf with this hash at `leafIndex` in the tree of `treeSize` with `root`? */
export function verifyInclusion(leafIndex: number, treeSize: number, leafHash: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  // 1. leaf_index must be below tree_size.
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) return false;
  // 2. fn = leaf_index, sn = tree_size - 1.
  let fn = leafIndex;
  let sn = treeSize - 1;
  // 3. r = hash.
  let r: Uint8Array = leafHash;
  // 4. For each p in inclusion_path:
  for (const p of proof) {
    // a. If sn is 0, stop and fail.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn:
    if (lsb(fn) || fn === sn) {
      // i. r = HASH(0x01 || p || r)
      r = hashChildren(p, r);
      // ii. If LSB(fn) is not set, right-shift fn and sn equally until LSB(fn) is set or fn is 0.
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = shift(fn);
          sn = shift(sn);
        }
      }
    } else {
      // Otherwise r = HASH(0x01 || r || p).
      r = hashChildren(r, p);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn = shift(fn);
    sn = shift(sn);
  }
  // 5. sn must be 0 and r must equal the root.
  return sn === 0 && same(r, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show the tree of `first` leaves with `firstRoot` is a prefix of the tree of `second` with `secondRoot`? */
export function verifyConsistency(first: number, second: number, firstRoot: Uint8Array, secondRoot: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  // Trees of equal size are consistent when their roots are the same, with an empty proof;
  // the empty tree is a prefix of every tree.
  if (first === second) return proof.length === 0 && same(firstRoot, secondRoot);
  if (first === 0) return proof.length === 0;
  // 1. If consistency_path is an empty array, stop and fail.
  if (proof.length === 0) return false;
  // 2. If first is an exact power of 2, prepend first_hash to consistency_path.
  const path = isExactPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  // 3. fn = first - 1, sn = second - 1.
  let fn = first - 1;
  let sn = second - 1;
  // 4. If LSB(fn) is set, right-shift fn and sn equally until LSB(fn) is not set.
  while (lsb(fn)) {
    fn = shift(fn);
    sn = shift(sn);
  }
  // 5. fr = sr = the first value in consistency_path.
  let fr: Uint8Array = path[0];
  let sr: Uint8Array = path[0];
  // 6. For each subsequent value c in consistency_path:
  for (const c of path.slice(1)) {
    // a. If sn is 0, stop and fail.
    if (sn === 0) return false;
    // b. If LSB(fn) is set, or if fn is equal to sn:
    if (lsb(fn) || fn === sn) {
      // i. fr = HASH(0x01 || c || fr), sr = HASH(0x01 || c || sr)
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      // ii. If LSB(fn) is not set, right-shift fn and sn equally until either LSB(fn) is set or fn is 0.
      if (!lsb(fn)) {
        while (!lsb(fn) && fn !== 0) {
          fn = shift(fn);
          sn = shift(sn);
        }
      }
    } else {
      // Otherwise sr = HASH(0x01 || sr || c).
      sr = hashChildren(sr, c);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn = shift(fn);
    sn = shift(sn);
  }
  // 7. fr must equal first_hash, sr second_hash, and sn must be 0.
  return sn === 0 && same(fr, firstRoot) && same(sr, secondRoot);
}

function isExactPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1) {
    if (lsb(x)) return false;
    x = shift(x);
  }
  return x === 1;
}

/** SHA-256(0x00 || data), computed here rather than imported, for the same reason. */
export const verifierLeafHash = (data: Uint8Array): Buffer => h(LEAF, data);

/** SHA-256 of bytes that already start with the 0x00 leaf prefix (a verifier streaming a file writes it in place). */
export const prefixedLeafHash = (prefixed: Uint8Array): Buffer => oneShot('sha256', prefixed, 'buffer');

/**
 * The root of a log fed leaf hash by leaf hash, in O(log n) memory: the verifier's own
 * compact range, kept as a stack of (height, hash) merged right to left at the end.
 */
export class RootBuilder {
  private readonly hashes: Uint8Array[] = [];
  private readonly heights: number[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  addLeafHash(hash: Uint8Array): void {
    let current = hash;
    let height = 0;
    while (this.heights.length > 0 && this.heights[this.heights.length - 1] === height) {
      this.heights.pop();
      current = hashChildren(this.hashes.pop() as Uint8Array, current);
      height += 1;
    }
    this.hashes.push(current);
    this.heights.push(height);
    this.count += 1;
  }

  root(): Buffer {
    if (this.hashes.length === 0) return h();
    let root = this.hashes[this.hashes.length - 1];
    for (let i = this.hashes.length - 2; i >= 0; i--) root = hashChildren(this.hashes[i], root);
    return Buffer.from(root);
  }
}
