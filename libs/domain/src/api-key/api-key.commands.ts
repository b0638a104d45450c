import { ApiKeyScope, Command } from '../shared';

export type IssueApiKey = Command<
  'IssueApiKey',
  {
    keyId: string;
    name: string;
    stateCode: string;
    scopes: ApiKeyScope[];
    expiresAt: string | null;
    keyHash: string;
    /** Whether `stateCode` names a registered member state (looked up by the caller). */
    stateRegistered: boolean;
  }
>;
export type RevokeApiKey = Command<'RevokeApiKey', { keyId: string }>;

export type ApiKeyCommand = IssueApiKey | RevokeApiKey;

export const apiKeyStreamId = (keyId: string): string => `api-key-${keyId}`;
