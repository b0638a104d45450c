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
    /** The owner's state (null for an admin without one). */
    stateCode: string | null;
  }
>;
/** `ownerId` names who may read a webhook's events (its owner and admins); absent on events recorded before it was. */
type OwnedWebhook = { webhookId: string; stateCode: string | null; ownerId?: string };
/** Deliveries stop, after repeated failure (by the system) or by choice; the reason is shown to the owner. */
export type WebhookDisabled = DomainEvent<'WebhookDisabled', OwnedWebhook & { reason: string }>;
/** Deliveries resume with the event that was pending when the webhook was disabled. */
export type WebhookEnabled = DomainEvent<'WebhookEnabled', OwnedWebhook>;
export type WebhookDeleted = DomainEvent<'WebhookDeleted', OwnedWebhook>;
/**
 * A new signing secret; until `previousSecretExpiresAt` deliveries are signed with the previous
 * one too, so a receiver can change over without refusing a delivery.
 */
export type WebhookSecretRotated = DomainEvent<'WebhookSecretRotated', OwnedWebhook & { secret: string; previousSecretExpiresAt: string }>;

export type WebhookEvent = WebhookRegistered | WebhookDisabled | WebhookEnabled | WebhookDeleted | WebhookSecretRotated;
