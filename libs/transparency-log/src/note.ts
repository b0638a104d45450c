import { createHash, createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

/*
 * C2SP signed-note (https://c2sp.org/signed-note), as golang.org/x/mod/sumdb/note implements
 * it: a text ending in a newline, a blank line, then one line per signature,
 * "— <key name> base64(key ID || signature)". Ed25519 only (signature type 0x01), plus the
 * timestamped cosignatures of c2sp.org/tlog-cosignature (type 0x04), which are verified here
 * too so that one reader handles a checkpoint with every signature on it.
 */

export const ALG_ED25519 = 0x01;
export const ALG_COSIGNATURE_V1 = 0x04;

export class MalformedNote extends Error {
  constructor(reason = 'malformed note') {
    super(reason);
  }
}

export class NoteVerificationError extends Error {}

const EM_DASH = '\u2014';
const MAX_SIGNATURES = 100;

/** Key names are non-empty and hold no Unicode space and no "+". */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}

/** Base64 that decodes and re-encodes to itself: Node's decoder silently skips what it does not understand. */
export function strictBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** SHA-256(key name || 0x0A || signature type || public key)[:4], big-endian. */
export function keyId(name: string, alg: number, publicKey: Uint8Array): number {
  return createHash('sha256').update(name).update(Uint8Array.of(0x0a, alg)).update(publicKey).digest().readUInt32BE(0);
}

/** Splits at the first n-1 "+": the base64 key at the end may hold "+" itself. */
function chop(text: string, n: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (parts.length < n - 1) {
    const at = rest.indexOf('+');
    if (at < 0) return [];
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  return [...parts, rest];
}

const hex8 = (id: number): string => id.toString(16).padStart(8, '0');

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');

export const ed25519PrivateKey = (seed: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
export const ed25519PublicKey = (raw: Uint8Array): KeyObject =>
  createPublicKey({ key: Buffer.concat([SPKI_ED25519, raw]), format: 'der', type: 'spki' });
export const rawPublicKey = (privateKey: KeyObject): Buffer =>
  (createPublicKey(privateKey).export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_ED25519.length);

/** A key that signs notes (type 0x01) or cosigns checkpoints (type 0x04). */
export interface NoteSigner {
  readonly name: string;
  readonly alg: number;
  readonly keyId: number;
  readonly publicKey: Buffer;
  /** The signature bytes that follow the key ID (for a cosignature, timestamp and signature). */
  sign(message: Uint8Array): Buffer;
}

/** Ed25519 over the note text. */
export function ed25519Signer(name: string, seed: Uint8Array): NoteSigner {
  if (!isValidKeyName(name)) throw new MalformedNote(`invalid key name ${JSON.stringify(name)}`);
  if (seed.length !== 32) throw new MalformedNote('an Ed25519 seed is 32 bytes');
  const privateKey = ed25519PrivateKey(seed);
  const publicKey = rawPublicKey(privateKey);
  return { name, alg: ALG_ED25519, keyId: keyId(name, ALG_ED25519, publicKey), publicKey, sign: (message) => sign(null, message, privateKey) };
}

/**
 * The private key format of golang.org/x/mod/sumdb/note:
 * `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte seed)>`.
 */
export function parseSignerKey(text: string): NoteSigner {
  const parts = chop(text, 5);
  if (parts.length !== 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') throw new MalformedNote('malformed signer key');
  const [, , name, hash, encoded] = parts;
  const key = strictBase64(encoded);
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hash) || !key || key.length !== 33 || key[0] !== ALG_ED25519) {
    throw new MalformedNote('malformed signer key');
  }
  const signer = ed25519Signer(name, key.subarray(1));
  if (hex8(signer.keyId) !== hash) throw new MalformedNote('signer key hash does not match the key');
  return signer;
}

export const formatSignerKey = (name: string, seed: Uint8Array): string => {
  const signer = ed25519Signer(name, seed);
  return `PRIVATE+KEY+${name}+${hex8(signer.keyId)}+${Buffer.concat([Uint8Array.of(ALG_ED25519), seed]).toString('base64')}`;
};

/** The signed-note verifier key: `<name>+<hex key ID>+<base64(type || public key)>`. */
export const formatVerifierKey = (name: string, alg: number, publicKey: Uint8Array): string =>
  `${name}+${hex8(keyId(name, alg, publicKey))}+${Buffer.concat([Uint8Array.of(alg), publicKey]).toString('base64')}`;

export const verifierKeyOf = (signer: NoteSigner): string => formatVerifierKey(signer.name, signer.alg, signer.publicKey);

export interface NoteVerifier {
  readonly name: string;
  readonly alg: number;
  readonly keyId: number;
  readonly publicKey: Buffer;
  /** Verifies the bytes after the key ID against the note text; answers the cosignature's timestamp when it has one. */
  verify(text: string, signature: Buffer): { ok: boolean; timestamp?: number };
}

/** Parses a verifier key of type 0x01 (note signer) or 0x04 (Ed25519 cosigner); anything else is refused. */
export function parseVerifierKey(text: string): NoteVerifier {
  const parts = chop(text, 3);
  if (parts.length !== 3) throw new MalformedNote('malformed verifier key');
  const [name, hash, encoded] = parts;
  const key = strictBase64(encoded);
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hash) || !key || key.length < 2) throw new MalformedNote('malformed verifier key');
  const alg = key[0];
  const publicKey = Buffer.from(key.subarray(1));
  if (alg !== ALG_ED25519 && alg !== ALG_COSIGNATURE_V1) throw new MalformedNote('unknown verifier algorithm');
  if (publicKey.length !== 32) throw new MalformedNote('an Ed25519 public key is 32 bytes');
  const id = keyId(name, alg, publicKey);
  if (hex8(id) !== hash) throw new MalformedNote('verifier key hash does not match the key');
  const keyObject = ed25519PublicKey(publicKey);
  return {
    name,
    alg,
    keyId: id,
    publicKey,
    verify: (noteText, signature) => {
      if (alg === ALG_ED25519) return { ok: signature.length === 64 && verify(null, Buffer.from(noteText), keyObject, signature) };
      if (signature.length !== 72) return { ok: false };
      const timestamp = signature.readBigUInt64BE(0);
      if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false };
      const ok = verify(null, Buffer.from(cosignedMessage(noteText, Number(timestamp))), keyObject, signature.subarray(8));
      return { ok, timestamp: Number(timestamp) };
    },
  };
}

/** c2sp.org/tlog-cosignature: "cosignature/v1\ntime <t>\n" followed by the checkpoint's note text. */
export const cosignedMessage = (noteText: string, timestamp: number): string => `cosignature/v1\ntime ${timestamp}\n${noteText}`;

export interface NoteSignature {
  name: string;
  keyId: number;
  /** base64(key ID || signature), as on the line. */
  base64: string;
}

export const signatureLine = (sig: NoteSignature): string => `${EM_DASH} ${sig.name} ${sig.base64}\n`;

/** Signs `text` (which must end in a newline) and answers the whole note. */
export function signNote(text: string, ...signers: NoteSigner[]): string {
  checkText(text);
  return `${text}\n${signers.map((s) => signatureLine(signatureBy(s, Buffer.from(text)))).join('')}`;
}

export function signatureBy(signer: NoteSigner, message: Uint8Array): NoteSignature {
  const id = Buffer.alloc(4);
  id.writeUInt32BE(signer.keyId);
  return { name: signer.name, keyId: signer.keyId, base64: Buffer.concat([id, signer.sign(message)]).toString('base64') };
}

/** ASCII control characters other than newline, which signed notes must not hold. */
const hasControlCharacter = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
};

function checkText(text: string): void {
  if (!text.endsWith('\n') || text.length < 2) throw new MalformedNote();
  if (hasControlCharacter(text)) throw new MalformedNote();
}

/** A note's text and its signature lines, verified or not. */
export function splitNote(note: string): { text: string; signatures: NoteSignature[] } {
  if (hasControlCharacter(note) || note.includes('\ufffd')) throw new MalformedNote();
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new MalformedNote();
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new MalformedNote();
  const signatures = lines.map((line) => {
    const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!match || !isValidKeyName(match[1])) throw new MalformedNote();
    const bytes = strictBase64(match[2]);
    if (!bytes || bytes.length < 5) throw new MalformedNote();
    return { name: match[1], keyId: bytes.readUInt32BE(0), base64: match[2] };
  });
  return { text, signatures };
}

export interface OpenedNote {
  text: string;
  /** Signatures by known keys, all verified; cosignatures carry their timestamp. */
  verified: (NoteSignature & { alg: number; timestamp?: number })[];
  /** Signatures by keys not given: ignored, as the spec requires. */
  unverified: NoteSignature[];
}

/**
 * Verifies a note against known keys. A known key whose signature does not verify rejects the
 * whole note; a note with no signature from a known key is rejected.
 */
export function openNote(note: string, verifiers: readonly NoteVerifier[]): OpenedNote {
  const { text, signatures } = splitNote(note);
  const verified: OpenedNote['verified'] = [];
  const unverified: NoteSignature[] = [];
  const seen = new Set<string>();
  for (const sig of signatures) {
    const matching = verifiers.filter((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (matching.length === 0) {
      unverified.push(sig);
      continue;
    }
    if (new Set(matching.map((v) => v.publicKey.toString('hex'))).size > 1) throw new NoteVerificationError(`ambiguous key ${sig.name}+${hex8(sig.keyId)}`);
    const result = matching[0].verify(text, (strictBase64(sig.base64) as Buffer).subarray(4));
    if (!result.ok) throw new NoteVerificationError(`invalid signature for key ${sig.name}+${hex8(sig.keyId)}`);
    const id = `${sig.name}+${sig.keyId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    verified.push({ ...sig, alg: matching[0].alg, ...(result.timestamp !== undefined ? { timestamp: result.timestamp } : {}) });
  }
  if (verified.length === 0) throw new NoteVerificationError('note has no verifiable signatures');
  return { text, verified, unverified };
}
