import { Command } from '../shared';
import { ApiKeyIssued } from './api-key.events';

/** The issuer is the acting user, not a field of the command. */
export type IssueApiKey = Command<
  'IssueApiKey',
  Omit<ApiKeyIssued['data'], 'issuedBy'> & {
    /** Whether `stateCode` names a registered member state (looked up by the caller). */
    stateRegistered: boolean;
  }
>;
export type RevokeApiKey = Command<'RevokeApiKey', { keyId: string }>;

export type ApiKeyCommand = IssueApiKey | RevokeApiKey;

export const apiKeyStreamId = (keyId: string): string => `api-key-${keyId}`;
