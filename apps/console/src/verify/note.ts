import { concat, ed25519Verify, equalBytes, fromBase64, sha256, toBase64, utf8 } from './bytes';

/*
 * C2SP signed-note (c2sp.org/signed-note): a text ending in a newline, a blank line, then one
 * line per signature, "— <key name> base64(4-byte key ID || signature)". Two signature types:
 * 0x01, Ed25519 over the text (the log's own signature), and 0x04, the timestamped Ed25519
 * cosignature of c2sp.org/tlog-cosignature (a witness's).
 */

export const ED25519 = 0x01;
export const COSIGNATURE_V1 = 0x04;

export class NoteError extends Error {}

export interface VerifierKey {
  /** The key name, as `<name>+<hex key ID>+<base64 key>` spells it. */
  name: string;
  type: number;
  /** SHA-256(name || 0x0A || type || public key)[:4]. */
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

/** Key names are non-empty and hold no space of any kind and no "+". */
const validName = (name: string) => name.length > 0 && !/[\s+]/u.test(name);

export const keyIdOf = async (name: string, type: number, publicKey: Uint8Array): Promise<Uint8Array> =>
  (await sha256(utf8(name), Uint8Array.of(0x0a, type), publicKey)).slice(0, 4);

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** Parses `<name>+<hex key ID>+<base64(type || Ed25519 key)>` and checks that the key ID is the key's. */
export async function parseVerifierKey(text: string): Promise<VerifierKey> {
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first < 0 || second < 0) throw new NoteError('malformed verifier key');
  const name = text.slice(0, first);
  const id = text.slice(first + 1, second);
  const key = fromBase64(text.slice(second + 1));
  if (!validName(name) || !/^[0-9a-f]{8}$/.test(id) || !key || key.length !== 33) throw new NoteError('malformed verifier key');
  const type = key[0];
  if (type !== ED25519 && type !== COSIGNATURE_V1) throw new NoteError(`verifier key of unknown type ${type}`);
  const publicKey = key.slice(1);
  const keyId = await keyIdOf(name, type, publicKey);
  if (hex(keyId) !== id) throw new NoteError('verifier key ID does not match the key');
  return { name, type, keyId, publicKey };
}

export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  /** What follows the key ID: 64 bytes for 0x01, timestamp (8 bytes) and 64 bytes for 0x04. */
  signature: Uint8Array;
}

/** The text (ending in its newline) and the signature lines of a note, none of them verified yet. */
export function splitNote(note: string): { text: string; signatures: NoteSignature[] } {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note) || !note.endsWith('\n')) throw new NoteError('malformed note');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('malformed note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => {
      const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
      const bytes = match ? fromBase64(match[2]) : undefined;
      if (!match || !bytes || bytes.length < 5 || !validName(match[1])) throw new NoteError('malformed signature line');
      return { name: match[1], keyId: bytes.slice(0, 4), signature: bytes.slice(4) };
    });
  return { text, signatures };
}

/** c2sp.org/tlog-cosignature v1: what a witness signs for the checkpoint text at a time (seconds since the epoch). */
export const cosignedMessage = (text: string, timestamp: bigint): Uint8Array => utf8(`cosignature/v1\ntime ${timestamp}\n${text}`);

/** A signature checked against one key: for a cosignature, also the time the witness gave. */
export interface CheckedSignature {
  key: VerifierKey;
  valid: boolean;
  timestamp?: number;
}

async function check(key: VerifierKey, text: string, signature: Uint8Array): Promise<CheckedSignature> {
  if (key.type === ED25519) return { key, valid: await ed25519Verify(key.publicKey, signature, utf8(text)) };
  if (signature.length !== 72) return { key, valid: false };
  const timestamp = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
  const valid = await ed25519Verify(key.publicKey, signature.slice(8), cosignedMessage(text, timestamp));
  return { key, valid, timestamp: Number(timestamp) };
}

/**
 * Checks every signature line that names one of `keys` (name and key ID both), and ignores the
 * others: a note may carry signatures by keys the reader does not know.
 */
export async function checkNote(note: string, keys: VerifierKey[]): Promise<{ text: string; checked: CheckedSignature[] }> {
  const { text, signatures } = splitNote(note);
  const checked: CheckedSignature[] = [];
  for (const line of signatures) {
    const key = keys.find((k) => k.name === line.name && equalBytes(k.keyId, line.keyId));
    if (key) checked.push(await check(key, text, line.signature));
  }
  return { text, checked };
}

/** A signature line as a signer writes it (tests build notes with it). */
export const signatureLine = (name: string, keyId: Uint8Array, signature: Uint8Array): string => `\u2014 ${name} ${toBase64(concat(keyId, signature))}\n`;
