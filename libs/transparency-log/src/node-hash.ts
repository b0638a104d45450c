/*
 * SHA-256(0x01 || left || right) for the verifier's tree folding, computed in place: full
 * verification hashes one node per leaf, and for a 65-byte input the cost of a native call
 * (a new output Buffer, a digest context) is larger than the two compression rounds
 * themselves. Reading two 32-byte hashes from a byte array and writing the digest back into
 * one needs no allocation at all. FIPS 180-4 §6.2; tested against node:crypto.
 */

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
const W = new Int32Array(64);
const S = new Int32Array(8);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** One compression of the 16 words in W[0..16) into the state S. */
function compress(): void {
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15];
    const w2 = W[t - 2];
    W[t] = (W[t - 16] + (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3)) + W[t - 7] + (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10))) | 0;
  }
  let a = S[0], b = S[1], c = S[2], d = S[3], e = S[4], f = S[5], g = S[6], h = S[7];
  for (let t = 0; t < 64; t++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  S[0] = (S[0] + a) | 0;
  S[1] = (S[1] + b) | 0;
  S[2] = (S[2] + c) | 0;
  S[3] = (S[3] + d) | 0;
  S[4] = (S[4] + e) | 0;
  S[5] = (S[5] + f) | 0;
  S[6] = (S[6] + g) | 0;
  S[7] = (S[7] + h) | 0;
}

/** The big-endian word of bytes[at..at+4). */
const word = (bytes: Uint8Array, at: number): number => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

/**
 * Writes SHA-256(0x01 || bytes[left..left+32) || bytes[right..right+32)) to bytes[out..out+32).
 * `out` may be `left` or `right`: both are read before the digest is written.
 */
export function nodeHashInto(bytes: Uint8Array, left: number, right: number, out: number): void {
  S.set(IV);
  // The first block: 0x01, the left hash, and the first 31 bytes of the right hash.
  W[0] = 0x01000000 | (bytes[left] << 16) | (bytes[left + 1] << 8) | bytes[left + 2];
  for (let i = 1; i < 8; i++) W[i] = word(bytes, left + 4 * i - 1);
  W[8] = (bytes[left + 31] << 24) | (bytes[right] << 16) | (bytes[right + 1] << 8) | bytes[right + 2];
  for (let i = 9; i < 16; i++) W[i] = word(bytes, right + 4 * (i - 8) - 1);
  compress();
  // The second: the right hash's last byte, the 0x80 pad, and the length, 65 bytes in bits.
  W.fill(0, 0, 16);
  W[0] = (bytes[right + 31] << 24) | 0x800000;
  W[15] = 65 * 8;
  compress();
  for (let i = 0; i < 8; i++) {
    const v = S[i];
    bytes[out + 4 * i] = v >>> 24;
    bytes[out + 4 * i + 1] = (v >>> 16) & 0xff;
    bytes[out + 4 * i + 2] = (v >>> 8) & 0xff;
    bytes[out + 4 * i + 3] = v & 0xff;
  }
}
