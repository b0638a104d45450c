import { ed25519PrivateKey, keyId, MalformedNote, NoteSigner, rawPublicKey, signatureBy, signatureLine, ALG_COSIGNATURE_V1, cosignedMessage, isValidKeyName, strictBase64 } from './note';
import { sign } from 'node:crypto';

/**
 * A witness's key: c2sp.org/tlog-cosignature v1, Ed25519 with a timestamp. The key ID uses
 * signature type 0x04, so the same name cannot be mistaken for a note signer.
 */
export function cosigner(name: string, seed: Uint8Array): NoteSigner {
  if (!isValidKeyName(name)) throw new MalformedNote(`invalid key name ${JSON.stringify(name)}`);
  if (seed.length !== 32) throw new MalformedNote('an Ed25519 seed is 32 bytes');
  const privateKey = ed25519PrivateKey(seed);
  const publicKey = rawPublicKey(privateKey);
  return {
    name,
    alg: ALG_COSIGNATURE_V1,
    keyId: keyId(name, ALG_COSIGNATURE_V1, publicKey),
    publicKey,
    // The message to sign here is already the cosigned message; see cosign().
    sign: (message) => sign(null, message, privateKey),
  };
}

/** The cosignature line for a checkpoint's note text at `timestamp` (POSIX seconds). */
export function cosign(signer: NoteSigner, noteText: string, timestamp: number): string {
  if (signer.alg !== ALG_COSIGNATURE_V1) throw new Error('not a cosigner key');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('a cosignature timestamp is a non-negative whole number of seconds');
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(timestamp));
  const timestamped: NoteSigner = {
    ...signer,
    sign: (message) => Buffer.concat([stamp, signer.sign(message)]),
  };
  return signatureLine(signatureBy(timestamped, Buffer.from(cosignedMessage(noteText, timestamp))));
}

/** A cosigner's private key, in the signer-key format with type 0x04: `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x04 || seed)>`. */
export function formatCosignerKey(name: string, seed: Uint8Array): string {
  const signer = cosigner(name, seed);
  return `PRIVATE+KEY+${name}+${signer.keyId.toString(16).padStart(8, '0')}+${Buffer.concat([Uint8Array.of(ALG_COSIGNATURE_V1), seed]).toString('base64')}`;
}

export function parseCosignerKey(text: string): NoteSigner {
  const match = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+(\S+)$/.exec(text.trim());
  const key = match && strictBase64(match[3]);
  if (!match || !key || key.length !== 33 || key[0] !== ALG_COSIGNATURE_V1) throw new MalformedNote('malformed cosigner key');
  const signer = cosigner(match[1], key.subarray(1));
  if (signer.keyId.toString(16).padStart(8, '0') !== match[2]) throw new MalformedNote('cosigner key hash does not match the key');
  return signer;
}
