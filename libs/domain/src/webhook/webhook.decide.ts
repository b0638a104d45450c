import { isKnownEventType } from '../event-catalog/event-catalog';
import { Actor, assertNever, CommandContext, Decider, NotAllowed } from '../shared';
import { MAX_SECRET_GRACE_SECONDS, WebhookCommand } from './webhook.commands';
import { InvalidWebhook, WebhookNotFound } from './webhook.errors';
import { WebhookEvent } from './webhook.events';
import { evolveWebhook, initialWebhookState, WebhookState } from './webhook.state';

const isAdmin = (actor: Actor) => actor.kind === 'user' && actor.roles.includes('admin');

export function decideWebhook(command: WebhookCommand, state: WebhookState, { actor, now }: CommandContext): WebhookEvent[] {
  switch (command.type) {
    case 'RegisterWebhook': {
      const { webhookId, url, eventTypes, secret } = command.data;
      const coordinator = actor.kind === 'user' && actor.roles.includes('coordinator') && actor.stateCode !== null;
      if (!isAdmin(actor) && !coordinator) throw new NotAllowed('Only an admin, or a coordinator for its own state, registers webhooks');
      if (state.status !== 'none') throw new InvalidWebhook(`Webhook ${webhookId} already exists`);
      validateWebhookRegistration(command.data);
      return [{ type: 'WebhookRegistered', data: { webhookId, url, eventTypes: [...eventTypes], secret, ownerId: actor.id, stateCode: actor.stateCode } }];
    }
    case 'DeleteWebhook': {
      const current = ownedBy(actor, state, command.data.webhookId);
      return [{ type: 'WebhookDeleted', data: { webhookId: current.webhookId, stateCode: current.stateCode, ownerId: current.ownerId } }];
    }
    case 'EnableWebhook': {
      const current = ownedBy(actor, state, command.data.webhookId);
      if (current.status === 'active') return [];
      return [{ type: 'WebhookEnabled', data: { webhookId: current.webhookId, stateCode: current.stateCode, ownerId: current.ownerId } }];
    }
    case 'RotateWebhookSecret': {
      const current = ownedBy(actor, state, command.data.webhookId);
      const { secret, gracePeriodSeconds } = command.data;
      checkSecret(secret);
      if (secret === current.secret) throw new InvalidWebhook('The new secret must differ from the current one');
      if (!Number.isInteger(gracePeriodSeconds) || gracePeriodSeconds < 0 || gracePeriodSeconds > MAX_SECRET_GRACE_SECONDS) {
        throw new InvalidWebhook(`gracePeriodSeconds must be a whole number from 0 to ${MAX_SECRET_GRACE_SECONDS}`);
      }
      const previousSecretExpiresAt = new Date(now.getTime() + gracePeriodSeconds * 1000).toISOString();
      return [{ type: 'WebhookSecretRotated', data: { webhookId: current.webhookId, stateCode: current.stateCode, ownerId: current.ownerId, secret, previousSecretExpiresAt } }];
    }
    case 'DisableWebhook': {
      // The delivery worker disables a webhook that keeps failing; it may race with a deletion.
      if (actor.kind !== 'system' && !isAdmin(actor)) throw new NotAllowed('Only the system or an admin disables a webhook');
      if (state.status === 'none') throw new WebhookNotFound(command.data.webhookId);
      if (state.status !== 'active') return [];
      return [{ type: 'WebhookDisabled', data: { webhookId: state.webhookId, stateCode: state.stateCode, ownerId: state.ownerId, reason: command.data.reason } }];
    }
    default:
      return assertNever(command);
  }
}

/** The webhook, if it exists and `actor` owns it or is an admin. */
function ownedBy(actor: Actor, state: WebhookState, webhookId: string): Exclude<WebhookState, { status: 'none' }> {
  if (state.status === 'none' || state.status === 'deleted') throw new WebhookNotFound(webhookId);
  if (!isAdmin(actor) && state.ownerId !== actor.id) throw new NotAllowed('Only the webhook owner or an admin may change it');
  return state;
}

/** The rules of a registration's own data, exported so a caller can apply them before costlier checks (DNS). */
export function validateWebhookRegistration({ url, eventTypes, secret }: { url: string; eventTypes: readonly string[]; secret: string }): void {
  checkUrl(url);
  checkEventTypes(eventTypes);
  checkSecret(secret);
}

/**
 * At least 16 characters; a secret in the Standard Webhooks form (`whsec_` and base64) must
 * hold 24 to 64 bytes, as that specification requires, since receivers decode it.
 */
function checkSecret(secret: string): void {
  if (secret.length < 16) throw new InvalidWebhook('secret must be at least 16 characters');
  if (!secret.startsWith(STANDARD_SECRET_PREFIX)) return;
  const encoded = secret.slice(STANDARD_SECRET_PREFIX.length);
  const bytes = Math.floor((encoded.length * 3) / 4) - (encoded.endsWith('==') ? 2 : encoded.endsWith('=') ? 1 : 0);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0 || bytes < 24 || bytes > 64) {
    throw new InvalidWebhook('a whsec_ secret must be base64 of 24 to 64 bytes (Standard Webhooks)');
  }
}

/** How Standard Webhooks marks a symmetric secret: `whsec_` then the base64 of its bytes. */
export const STANDARD_SECRET_PREFIX = 'whsec_';

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidWebhook('url must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InvalidWebhook('url must use http or https');
  if (parsed.username || parsed.password) throw new InvalidWebhook('url must not carry credentials; the signature authenticates deliveries');
}

function checkEventTypes(eventTypes: readonly string[]): void {
  if (eventTypes.length === 0) throw new InvalidWebhook('eventTypes must name at least one event type, or be ["*"]');
  if (eventTypes.includes('*') && eventTypes.length > 1) throw new InvalidWebhook('"*" subscribes to every event type and stands alone');
  if (new Set(eventTypes).size !== eventTypes.length) throw new InvalidWebhook('eventTypes must not repeat a type');
  const unknown = eventTypes.filter((type) => type !== '*' && !isKnownEventType(type));
  if (unknown.length > 0) throw new InvalidWebhook(`Unknown event types: ${unknown.join(', ')}`);
}

export const webhookDecider: Decider<WebhookCommand, WebhookEvent, WebhookState> = {
  streamType: 'webhook',
  initialState: initialWebhookState,
  evolve: evolveWebhook,
  decide: decideWebhook,
};
