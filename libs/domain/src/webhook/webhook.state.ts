import { assertNever } from '../shared';
import { WebhookEvent } from './webhook.events';

export type WebhookState =
  | { status: 'none' }
  | {
      status: 'active' | 'disabled' | 'deleted';
      webhookId: string;
      url: string;
      eventTypes: string[];
      secret: string;
      /** The secret before the last rotation, which still signs until `previousSecretExpiresAt`. */
      previousSecret: string | null;
      previousSecretExpiresAt: string | null;
      ownerId: string;
      stateCode: string | null;
      disabledReason: string | null;
    };

/** The secrets that sign a delivery at `now`: the current one first, then the previous one during its grace period. */
export function signingSecrets(state: Exclude<WebhookState, { status: 'none' }>, now: Date): string[] {
  const previous = state.previousSecret && state.previousSecretExpiresAt && Date.parse(state.previousSecretExpiresAt) > now.getTime() ? [state.previousSecret] : [];
  return [state.secret, ...previous];
}

export const initialWebhookState = (): WebhookState => ({ status: 'none' });

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'active', ...event.data, previousSecret: null, previousSecretExpiresAt: null, disabledReason: null };
    case 'WebhookDisabled':
      return state.status === 'none' ? state : { ...state, status: 'disabled', disabledReason: event.data.reason };
    case 'WebhookEnabled':
      return state.status === 'none' ? state : { ...state, status: 'active', disabledReason: null };
    case 'WebhookDeleted':
      return state.status === 'none' ? state : { ...state, status: 'deleted' };
    case 'WebhookSecretRotated':
      return state.status === 'none'
        ? state
        : { ...state, previousSecret: state.secret, previousSecretExpiresAt: event.data.previousSecretExpiresAt, secret: event.data.secret };
    default:
      return assertNever(event);
  }
}
