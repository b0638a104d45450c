import { DomainEvent } from '../shared';

/** Subscribes `url` to the events its owner may read; `secret` signs each delivery and never leaves the event store. */
export type WebhookRegistered = DomainEvent<
  'WebhookRegistered',
  {
    webhookId: string;
    url: string;
    /** `['*']`, or event type names (`StateRegistered`) or CloudEvent types (`coalition.member-state.state-registered.v1`). */
    eventTypes: string[];
    secret: string;
    ownerId: string;
    /** The owner's state (null for an admin without one): coordinators of that state may read the webhook's events. */
    stateCode: string | null;
  }
>;
/** Deliveries stop, after repeated failure (by the system) or by choice; the reason is shown to the owner. */
export type WebhookDisabled = DomainEvent<'WebhookDisabled', { webhookId: string; stateCode: string | null; reason: string }>;
/** Deliveries resume with the event that was pending when the webhook was disabled. */
export type WebhookEnabled = DomainEvent<'WebhookEnabled', { webhookId: string; stateCode: string | null }>;
export type WebhookDeleted = DomainEvent<'WebhookDeleted', { webhookId: string; stateCode: string | null }>;
/**
 * A new signing secret; until `previousSecretExpiresAt` deliveries are signed with the previous
 * one too, so a receiver can change over without refusing a delivery.
 */
export type WebhookSecretRotated = DomainEvent<
  'WebhookSecretRotated',
  { webhookId: string; stateCode: string | null; secret: string; previousSecretExpiresAt: string }
>;

export type WebhookEvent = WebhookRegistered | WebhookDisabled | WebhookEnabled | WebhookDeleted | WebhookSecretRotated;
