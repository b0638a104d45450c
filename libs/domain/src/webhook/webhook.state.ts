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
      ownerId: string;
      stateCode: string | null;
      disabledReason: string | null;
    };

export const initialWebhookState = (): WebhookState => ({ status: 'none' });

export function evolveWebhook(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookRegistered':
      return { status: 'active', ...event.data, disabledReason: null };
    case 'WebhookDisabled':
      return state.status === 'none' ? state : { ...state, status: 'disabled', disabledReason: event.data.reason };
    case 'WebhookEnabled':
      return state.status === 'none' ? state : { ...state, status: 'active', disabledReason: null };
    case 'WebhookDeleted':
      return state.status === 'none' ? state : { ...state, status: 'deleted' };
    default:
      return assertNever(event);
  }
}
