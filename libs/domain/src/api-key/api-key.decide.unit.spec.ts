import { Actor, Duplicate, NotAllowed } from '../shared';
import { adminActor, coordinatorOf, specFor, testContext } from '../testing';
import { IssueApiKey } from './api-key.commands';
import { apiKeyDecider, grantableScopes } from './api-key.decide';
import { ApiKeyNotFound, InvalidApiKey } from './api-key.errors';
import { ApiKeyEvent, ApiKeyIssued } from './api-key.events';
import { apiKeyUsableAt, evolveApiKey, initialApiKeyState } from './api-key.state';

const NOW = new Date('2026-01-15T12:00:00.000Z');
const given = specFor(apiKeyDecider, testContext(adminActor, NOW));
const issue = (overrides: Partial<IssueApiKey['data']> = {}): IssueApiKey => ({
  type: 'IssueApiKey',
  data: { keyId: 'k1', name: 'WA EOC', stateCode: 'WA', scopes: ['read'], expiresAt: null, keyHash: 'sha256-hex', stateRegistered: true, ...overrides },
});
const issued: ApiKeyEvent = {
  type: 'ApiKeyIssued',
  data: { keyId: 'k1', name: 'WA EOC', stateCode: 'WA', scopes: ['read'], expiresAt: null, keyHash: 'sha256-hex', issuedBy: 'admin-1' },
};
const issuedWith = (overrides: Partial<ApiKeyIssued['data']>): ApiKeyEvent => ({ ...issued, data: { ...issued.data, ...overrides } }) as ApiKeyEvent;
const revoked: ApiKeyEvent = { type: 'ApiKeyRevoked', data: { keyId: 'k1', stateCode: 'WA' } };
const revoke = { type: 'RevokeApiKey', data: { keyId: 'k1' } } as const;
const counselOf = (stateCode: string): Actor => ({ id: `counsel-${stateCode}`, kind: 'user', stateCode, roles: ['counsel'] });
const keyOf = (stateCode: string): Actor => ({ id: 'key-0', kind: 'api-key', stateCode, roles: [], scopes: ['read', 'resources:write', 'legal:read'] });

describe('ApiKey', () => {
  describe('issuing', () => {
    it('lets an admin issue a key for any registered state', () => given().when(issue()).then([issued]));

    it('lets a coordinator issue a key for its own state, recording who issued it', () =>
      given().when(issue({ scopes: ['read', 'resources:write'] }), { actor: coordinatorOf('WA') })
        .then([issuedWith({ scopes: ['read', 'resources:write'], issuedBy: 'coordinator-WA' })]));

    it('refuses a coordinator a legal:read key: it has no legal access to grant', () => {
      given().when(issue({ scopes: ['legal:read'] }), { actor: coordinatorOf('WA') }).thenThrows(NotAllowed, 'FORBIDDEN');
      given().when(issue({ scopes: ['read', 'legal:read'] }), { actor: coordinatorOf('WA') }).thenThrows(NotAllowed, 'FORBIDDEN');
    });

    it('lets only an admin grant legal:read', () =>
      given().when(issue({ scopes: ['legal:read'] })).then([issuedWith({ scopes: ['legal:read'] })]));

    it('grants exactly the scopes each principal holds', () => {
      expect(grantableScopes(adminActor, 'WA')).toEqual(['read', 'resources:write', 'legal:read']);
      expect(grantableScopes(coordinatorOf('WA'), 'WA')).toEqual(['read', 'resources:write']);
      expect(grantableScopes(coordinatorOf('WA'), 'CA')).toEqual([]);
      expect(grantableScopes(counselOf('WA'), 'WA')).toEqual([]);
      expect(grantableScopes(keyOf('WA'), 'WA')).toEqual([]);
    });

    it('refuses a coordinator acting for another state', () =>
      given().when(issue({ stateCode: 'CA' }), { actor: coordinatorOf('WA') }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('refuses counsel, auditors and keys', () => {
      given().when(issue(), { actor: counselOf('WA') }).thenThrows(NotAllowed);
      given().when(issue(), { actor: { id: 'aud', kind: 'user', stateCode: null, roles: ['auditor'] } }).thenThrows(NotAllowed);
      given().when(issue(), { actor: keyOf('WA') }).thenThrows(NotAllowed);
    });

    it('binds a key to a registered state only', () =>
      given().when(issue({ stateRegistered: false })).thenThrows(InvalidApiKey, 'VALIDATION_FAILED'));

    it('needs a scope', () => given().when(issue({ scopes: [] })).thenThrows(InvalidApiKey));

    it('takes an expiry only in the future', () => {
      given().when(issue({ expiresAt: NOW.toISOString() })).thenThrows(InvalidApiKey, 'VALIDATION_FAILED');
      const later = '2026-02-01T00:00:00.000Z';
      given().when(issue({ expiresAt: later })).then([issuedWith({ expiresAt: later })]);
    });

    it('never issues the same key id twice', () => given(issued).when(issue()).thenThrows(Duplicate, 'DUPLICATE'));
  });

  describe('revoking', () => {
    it('lets an admin or a coordinator of the key state revoke it', () => {
      given(issued).when(revoke).then([revoked]);
      given(issued).when(revoke, { actor: coordinatorOf('WA') }).then([revoked]);
    });

    it('refuses a coordinator of another state', () =>
      given(issued).when(revoke, { actor: coordinatorOf('CA') }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('refuses a key revoking itself', () => given(issued).when(revoke, { actor: keyOf('WA') }).thenThrows(NotAllowed));

    it('records a second revocation as nothing', () => given(issued, revoked).when(revoke).then([]));

    it('cannot revoke an unknown key', () => given().when(revoke).thenThrows(ApiKeyNotFound, 'NOT_FOUND'));
  });

  describe('usability', () => {
    const fold = (...events: ApiKeyEvent[]) => events.reduce(evolveApiKey, initialApiKeyState());
    const expiring = { ...issued, data: { ...issued.data, expiresAt: '2026-01-15T12:00:01.000Z' } } as ApiKeyEvent;

    it('is usable once issued and until revoked', () => {
      expect(apiKeyUsableAt(fold(), NOW)).toBe(false);
      expect(apiKeyUsableAt(fold(issued), NOW)).toBe(true);
      expect(apiKeyUsableAt(fold(issued, revoked), NOW)).toBe(false);
    });

    it('stops at its expiry', () => {
      expect(apiKeyUsableAt(fold(expiring), NOW)).toBe(true);
      expect(apiKeyUsableAt(fold(expiring), new Date('2026-01-15T12:00:01.000Z'))).toBe(false);
    });
  });
});
