/*
 * A tiny log for the verifier's tests, built straight from the definitions (RFC 9162 §2.1.1
 * MTH and §2.1.3.1 PATH, C2SP signed-note and tlog-cosignature), with crypto.subtle only and
 * none of the verifier's own code, so that the two can disagree.
 */

const digest = async (...parts: Uint8Array[]): Promise<Uint8Array> => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', all));
};

const largestPowerOfTwoBelow = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** MTH(D[n]). */
export async function treeHash(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 1) return digest(Uint8Array.of(0), leaves[0]);
  const k = largestPowerOfTwoBelow(leaves.length);
  return digest(Uint8Array.of(1), await treeHash(leaves.slice(0, k)), await treeHash(leaves.slice(k)));
}

/** PATH(m, D[n]), leaf to root. */
export async function auditPath(m: number, leaves: Uint8Array[]): Promise<Uint8Array[]> {
  if (leaves.length === 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  if (m < k) return [...(await auditPath(m, leaves.slice(0, k))), await treeHash(leaves.slice(k))];
  return [...(await auditPath(m - k, leaves.slice(k))), await treeHash(leaves.slice(0, k))];
}

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
export const text = (s: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(s);

export interface TestSigner {
  name: string;
  /** `<name>+<hex key ID>+<base64(type || key)>`. */
  verifierKey: string;
  /** The signature line for a note's text: Ed25519 for type 0x01, a v1 cosignature at `time` for 0x04. */
  line(noteText: string, time?: number): Promise<string>;
}

export async function testSigner(name: string, type: 0x01 | 0x04): Promise<TestSigner> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const id = (await digest(text(name), Uint8Array.of(0x0a, type), publicKey)).slice(0, 4);
  const sign = async (message: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, pair.privateKey, message));
  return {
    name,
    verifierKey: `${name}+${Buffer.from(id).toString('hex')}+${b64(Uint8Array.of(type, ...publicKey))}`,
    async line(noteText, time = 1_764_800_000) {
      if (type === 0x01) return `\u2014 ${name} ${b64(Uint8Array.of(...id, ...(await sign(text(noteText)))))}\n`;
      const stamp = new Uint8Array(8);
      new DataView(stamp.buffer).setBigUint64(0, BigInt(time));
      const signature = await sign(text(`cosignature/v1\ntime ${time}\n${noteText}`));
      return `\u2014 ${name} ${b64(Uint8Array.of(...id, ...stamp, ...signature))}\n`;
    },
  };
}

/** A checkpoint note of the tree of `leaves`, signed by the log and cosigned by each witness. */
export async function checkpointNote(log: TestSigner, leaves: Uint8Array[], witnesses: TestSigner[] = []): Promise<string> {
  const body = `${log.name}\n${leaves.length}\n${b64(await treeHash(leaves))}\n`;
  const lines = await Promise.all([log, ...witnesses].map((s) => s.line(body)));
  return `${body}\n${lines.join('')}`;
}
