import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { HASHED_FIELDS, pickFields, UnchainedEvent } from '../store/stored-event';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields the chain covers (`HASHED_FIELDS`): everything about the event except the chain fields themselves. */
export function hashedContent(event: UnchainedEvent): UnchainedEvent {
  return pickFields(event, HASHED_FIELDS);
}

/**
 * The event's canonical bytes: RFC 8785 JSON of `hashedContent`, UTF-8. The hash chain and
 * the Merkle tree (as its leaf data) both cover exactly these bytes.
 */
export function canonicalBytes(event: UnchainedEvent): Buffer {
  const canonical = canonicalize(hashedContent(event));
  if (canonical === undefined) throw new Error('event cannot be canonicalised');
  return Buffer.from(canonical, 'utf8');
}

/** hash = sha256(prev_hash || canonical bytes), hex encoded. */
export const chainHashOf = (prevHash: string, canonical: Uint8Array): string =>
  createHash('sha256').update(prevHash).update(canonical).digest('hex');

/** hash = sha256(prev_hash || RFC 8785 canonical JSON of the event), hex encoded. */
export function chainHash(prevHash: string, event: UnchainedEvent): string {
  return chainHashOf(prevHash, canonicalBytes(event));
}
