import { Actor, API_KEY_SCOPES, ApiKeyScope, assertNever, CommandContext, Decider, Duplicate, NotAllowed } from '../shared';
import { ApiKeyCommand, IssueApiKey, RevokeApiKey } from './api-key.commands';
import { ApiKeyNotFound, InvalidApiKey } from './api-key.errors';
import { ApiKeyEvent } from './api-key.events';
import { ApiKeyState, evolveApiKey, initialApiKeyState } from './api-key.state';

/** An admin manages keys of any state; a coordinator only those of its own state; a key manages none. */
const mayManageKeysOf = (actor: Actor, stateCode: string): boolean =>
  actor.kind === 'user' && (actor.roles.includes('admin') || (actor.roles.includes('coordinator') && actor.stateCode === stateCode));

/**
 * The scopes `actor` may put on a key of `stateCode`: only rights it could exercise itself. An admin
 * holds every right; a coordinator of the state reads it and writes its resources, but has no
 * legal access, so `legal:read` comes from an admin only. Counsel, auditors and keys grant nothing.
 */
export function grantableScopes(actor: Actor, stateCode: string): readonly ApiKeyScope[] {
  if (actor.kind !== 'user') return [];
  if (actor.roles.includes('admin')) return API_KEY_SCOPES;
  if (actor.roles.includes('coordinator') && actor.stateCode === stateCode) return ['read', 'resources:write'];
  return [];
}

export function decideApiKey(command: ApiKeyCommand, state: ApiKeyState, context: CommandContext): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey':
      return issue(command, state, context);
    case 'RevokeApiKey':
      return revoke(command, state, context);
    default:
      return assertNever(command);
  }
}

function issue(command: IssueApiKey, state: ApiKeyState, { actor, now }: CommandContext): ApiKeyEvent[] {
  const { stateRegistered, ...data } = command.data;
  if (!mayManageKeysOf(actor, data.stateCode)) throw new NotAllowed(`Only an admin or a coordinator of ${data.stateCode} issues its keys`);
  const beyond = data.scopes.filter((scope) => !grantableScopes(actor, data.stateCode).includes(scope));
  if (beyond.length > 0) throw new NotAllowed(`A key may carry only rights its issuer holds: not ${beyond.join(', ')}`);
  if (state.status !== 'none') throw new Duplicate(`API key ${data.keyId} already exists`);
  if (!stateRegistered) throw new InvalidApiKey(`State ${data.stateCode} is not registered`);
  if (data.scopes.length === 0) throw new InvalidApiKey('An API key needs at least one scope');
  if (data.expiresAt !== null && new Date(data.expiresAt).getTime() <= now.getTime()) {
    throw new InvalidApiKey('expiresAt must be in the future');
  }
  return [{ type: 'ApiKeyIssued', data: { ...data, issuedBy: actor.id } }];
}

function revoke(command: RevokeApiKey, state: ApiKeyState, { actor }: CommandContext): ApiKeyEvent[] {
  if (state.status === 'none') throw new ApiKeyNotFound(command.data.keyId);
  if (!mayManageKeysOf(actor, state.stateCode)) throw new NotAllowed(`Only an admin or a coordinator of ${state.stateCode} revokes its keys`);
  if (state.status === 'revoked') return [];
  return [{ type: 'ApiKeyRevoked', data: { keyId: state.keyId, stateCode: state.stateCode } }];
}

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  streamType: 'api-key',
  initialState: initialApiKeyState,
  evolve: evolveApiKey,
  decide: decideApiKey,
};
