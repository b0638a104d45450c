import { ApiKeyScope, assertNever } from '../shared';
import { ApiKeyEvent } from './api-key.events';

export type ApiKeyState =
  | { status: 'none' }
  | {
      status: 'active' | 'revoked';
      keyId: string;
      name: string;
      stateCode: string;
      scopes: ApiKeyScope[];
      expiresAt: string | null;
    };

export const initialApiKeyState = (): ApiKeyState => ({ status: 'none' });

export function evolveApiKey(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyIssued': {
      const { keyId, name, stateCode, scopes, expiresAt } = event.data;
      return { status: 'active', keyId, name, stateCode, scopes, expiresAt };
    }
    case 'ApiKeyRevoked':
      return state.status === 'none' ? state : { ...state, status: 'revoked' };
    default:
      return assertNever(event);
  }
}

/** Whether the key authenticates at `now`: issued, not revoked, not past its expiry. */
export const apiKeyUsableAt = (state: ApiKeyState, now: Date): boolean =>
  state.status === 'active' && (state.expiresAt === null || new Date(state.expiresAt).getTime() > now.getTime());
