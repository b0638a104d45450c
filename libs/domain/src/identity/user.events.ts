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
/** The user changed its own password; every token issued before stops working. */
export type PasswordChanged = DomainEvent<'PasswordChanged', { userId: string; passwordHash: string }>;
/** An admin (the event's actor) set the user's password; every token issued before stops working. */
export type PasswordReset = DomainEvent<'PasswordReset', { userId: string; passwordHash: string }>;

export type UserEvent = UserRegistered | UserDeactivated | PasswordChanged | PasswordReset;

/** Event fields that must never leave the event store (feeds, Kafka, webhooks, audit API). */
export const SECRET_EVENT_FIELDS = ['passwordHash', 'keyHash', 'secret'] as const;
