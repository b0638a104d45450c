import { DomainEvent, Role } from '../shared';

export type UserRegistered = DomainEvent<
  'UserRegistered',
  {
    userId: string;
    username: string;
    displayName: string;
    roles: Role[];
    stateCode: string | null;
    /** A salted scrypt hash; redacted wherever events leave the event store. */
    passwordHash: string;
  }
>;
export type UserDeactivated = DomainEvent<'UserDeactivated', { userId: string }>;

export type UserEvent = UserRegistered | UserDeactivated;

/** Event fields that must never leave the event store (feeds, Kafka, webhooks, audit API). */
export const SECRET_EVENT_FIELDS = ['passwordHash', 'keyHash', 'secret'] as const;
