import { hash as oneShot } from 'node:crypto';

/** A SHA-256 hash: a leaf hash, a node hash or a root. */
export type Hash = Buffer;

export const HASH_SIZE = 32;

const sha256 = (data: Uint8Array): Hash => oneShot('sha256', data, 'buffer');

/** RFC 9162 §2.1.1: the root of the empty tree is the hash of the empty string. */
export const EMPTY_ROOT: Hash = sha256(new Uint8Array(0));

/** RFC 9162 §2.1.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
export function leafHash(data: Uint8Array): Hash {
  const input = Buffer.allocUnsafe(data.length + 1);
  input[0] = 0x00;
  input.set(data, 1);
  return sha256(input);
}

const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

/** RFC 9162 §2.1.1: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Hash {
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return sha256(nodeInput);
}
