import { ed25519PrivateKey, keyId, MalformedNote, NoteSigner, rawPublicKey, signatureBy, signatureLine, ALG_COSIGNATURE_V1, cosignedMessage, isValidKeyName } from './note';
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
