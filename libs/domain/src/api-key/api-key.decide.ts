import { Actor, assertNever, CommandContext, Decider, Duplicate, NotAllowed } from '../shared';
import { ApiKeyCommand } from './api-key.commands';
import { ApiKeyNotFound, InvalidApiKey } from './api-key.errors';
import { ApiKeyEvent } from './api-key.events';
import { ApiKeyState, evolveApiKey, initialApiKeyState } from './api-key.state';

/** An admin manages keys of any state; a coordinator only those of its own state; a key manages none. */
const mayManageKeysOf = (actor: Actor, stateCode: string): boolean =>
  actor.kind === 'user' && (actor.roles.includes('admin') || (actor.roles.includes('coordinator') && actor.stateCode === stateCode));

export function decideApiKey(command: ApiKeyCommand, state: ApiKeyState, { actor, now }: CommandContext): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey': {
      const { stateRegistered, ...data } = command.data;
      if (!mayManageKeysOf(actor, data.stateCode)) throw new NotAllowed(`Only an admin or a coordinator of ${data.stateCode} issues its keys`);
      if (state.status !== 'none') throw new Duplicate(`API key ${data.keyId} already exists`);
      if (!stateRegistered) throw new InvalidApiKey(`State ${data.stateCode} is not registered`);
      if (data.scopes.length === 0) throw new InvalidApiKey('An API key needs at least one scope');
      if (data.expiresAt !== null && new Date(data.expiresAt).getTime() <= now.getTime()) {
        throw new InvalidApiKey('expiresAt must be in the future');
      }
      return [{ type: 'ApiKeyIssued', data }];
    }
    case 'RevokeApiKey': {
      if (state.status === 'none') throw new ApiKeyNotFound(command.data.keyId);
      if (!mayManageKeysOf(actor, state.stateCode)) throw new NotAllowed(`Only an admin or a coordinator of ${state.stateCode} revokes its keys`);
      if (state.status === 'revoked') return [];
      return [{ type: 'ApiKeyRevoked', data: { keyId: state.keyId, stateCode: state.stateCode } }];
    }
    default:
      return assertNever(command);
  }
}

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = {
  streamType: 'api-key',
  initialState: initialApiKeyState,
  evolve: evolveApiKey,
  decide: decideApiKey,
};
