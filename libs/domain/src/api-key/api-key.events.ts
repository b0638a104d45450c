import { ApiKeyScope, DomainEvent } from '../shared';

export type ApiKeyIssued = DomainEvent<
  'ApiKeyIssued',
  {
    keyId: string;
    name: string;
    stateCode: string;
    scopes: ApiKeyScope[];
    /** ISO 8601, or null for a key that does not expire. */
    expiresAt: string | null;
    /** SHA-256 of the key; redacted wherever events leave the event store (SECRET_EVENT_FIELDS). */
    keyHash: string;
    /**
     * The user who issued it: the key stops working when that user is deactivated. Absent on
     * keys issued before it was recorded; their issuer is the event's metadata actor.
     */
    issuedBy?: string;
  }
>;
export type ApiKeyRevoked = DomainEvent<'ApiKeyRevoked', { keyId: string; stateCode: string }>;

export type ApiKeyEvent = ApiKeyIssued | ApiKeyRevoked;
