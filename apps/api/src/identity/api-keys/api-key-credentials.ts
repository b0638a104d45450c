import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApiKeyIssued, apiKeyDecider, apiKeyStreamId, apiKeyUsableAt, fold, userDecider, userStreamId } from '@coalition/domain';
import { eventsOf, EventStore, StoredEvent } from '@coalition/event-store';
import { apiKeyIssuer } from '@coalition/read-side';
import { Principal } from '../../common/auth/principal';

/** `coa_` + the key id (32 hex) + `_` + 32 random bytes in base64url: the id locates the key's stream, the rest is the secret. */
const KEY_FORMAT = /^coa_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface MintedApiKey {
  keyId: string;
  /** The key itself: answered once and never stored. */
  key: string;
  keyHash: string;
}

/**
 * Keys carry 256 random bits, so a single unsalted SHA-256 is enough to store them: unlike a
 * password, nothing can be guessed from a dictionary and there is nothing to slow down, and
 * a fast hash keeps authentication to one indexed read per request.
 */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/**
 * Mints keys and authenticates them. Authentication folds the key's own stream from the event
 * store (not the read model, which may lag), so a revocation bites on the very next request.
 */
@Injectable()
export class ApiKeyCredentials {
  constructor(private readonly store: EventStore) {}

  static mint(): MintedApiKey {
    const keyId = randomUUID();
    const key = `coa_${keyId.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
    return { keyId, key, keyHash: hashApiKey(key) };
  }

  /** The key's principal, or undefined for a malformed, unknown, wrong, revoked or expired key. */
  async authenticate(key: string, now: Date): Promise<Principal | undefined> {
    const match = KEY_FORMAT.exec(key);
    if (!match) return undefined;
    const hex = match[1];
    const keyId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    const events = eventsOf(apiKeyDecider, await this.store.readStream(apiKeyStreamId(keyId)));
    const issued = events.find((e): e is StoredEvent<ApiKeyIssued> => e.type === 'ApiKeyIssued');
    if (!issued || !sameHash(hashApiKey(key), issued.data.keyHash)) return undefined;
    const state = fold(apiKeyDecider, events);
    if (state.status === 'none' || !apiKeyUsableAt(state, now)) return undefined;
    if (await this.issuerDeactivated(issued)) return undefined;
    return { id: state.keyId, kind: 'api-key', stateCode: state.stateCode, roles: [], scopes: state.scopes };
  }

  /**
   * A key does not outlive its issuer: deactivating a user also revokes its keys, but that runs
   * from a read model that may lag, so authentication checks the issuer's own stream as well.
   */
  private async issuerDeactivated(issued: StoredEvent<ApiKeyIssued>): Promise<boolean> {
    if (issued.metadata.actor.kind !== 'user') return false;
    const { state } = await this.store.fold(userDecider, userStreamId(apiKeyIssuer(issued)));
    return state.status === 'inactive';
  }
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
