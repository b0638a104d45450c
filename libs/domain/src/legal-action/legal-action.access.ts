import { Actor, ApiKeyScope, Role } from '../shared';
import { LEGAL_ACTION_STREAM_TYPE } from './legal-action.commands';

/** Legal actions are privileged: these roles, and API keys with these scopes, may read them. */
export const LEGAL_READER_ROLES: readonly Role[] = ['counsel', 'auditor', 'admin'];
export const LEGAL_READER_SCOPES: readonly ApiKeyScope[] = ['legal:read'];

/**
 * The one rule for every way out of the store (read API, `/events` feed, webhooks): may this
 * principal see legal-action events? API keys are judged by their scopes, users by their roles.
 */
export function mayReadLegalActions(actor: Pick<Actor, 'kind' | 'roles' | 'scopes'>): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'api-key') return (actor.scopes ?? []).some((scope) => LEGAL_READER_SCOPES.includes(scope));
  return actor.roles.some((role) => LEGAL_READER_ROLES.includes(role));
}

/** Whether an event of this stream type is privileged legal material. */
export const isLegalStreamType = (streamType: string): boolean => streamType === LEGAL_ACTION_STREAM_TYPE;
