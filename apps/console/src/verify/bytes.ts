/*
 * Byte helpers over the Web platform only (TextEncoder, atob, crypto.subtle): this folder runs
 * in the auditor's browser, and in Node 20 for its unit tests, which has the same globals.
 */

const encoder = new TextEncoder();

export const utf8 = (text: string): Uint8Array => encoder.encode(text);

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((byte, i) => byte === b[i]);

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Standard padded base64 (RFC 4648 §4) that re-encodes to itself, or undefined: no lenient decoding of signed data. */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return toBase64(bytes) === text ? bytes : undefined;
}

/** WebCrypto, which browsers offer only to secure pages (HTTPS, or http://localhost). */
function subtle(): SubtleCrypto {
  if (!globalThis.crypto?.subtle) throw new Error('this browser offers no WebCrypto to this page (it needs HTTPS)');
  return globalThis.crypto.subtle;
}

export async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', concat(...parts)));
}

/** Ed25519 (RFC 8032) through WebCrypto; a key the browser refuses verifies nothing. */
export async function ed25519Verify(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  const key = await subtle().importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify']);
  return subtle().verify({ name: 'Ed25519' }, key, new Uint8Array(signature), new Uint8Array(message));
}
