import { StoredEvent } from '../store/stored-event';
import { kebabEventName, toCloudEvent } from './cloud-event';

const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  position: 7,
  eventId: '0b7f3c1e-1111-4222-8333-444455556666',
  streamId: 'user-u1',
  streamType: 'user',
  version: 2,
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: { id: 'admin-1', kind: 'user', stateCode: 'WA', roles: ['admin'] }, commandId: 'c', correlationId: 'corr-9', causationId: 'c' },
  recordedAt: '2026-01-15T12:00:00.000Z',
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

describe('CloudEvents mapping', () => {
  it('names event types in kebab case', () => {
    expect(kebabEventName('VoteCast')).toBe('vote-cast');
    expect(kebabEventName('StateRegistered')).toBe('state-registered');
    expect(kebabEventName('OIDCKeyRotated')).toBe('oidc-key-rotated');
  });

  it('builds the envelope the API contract describes', () => {
    expect(toCloudEvent(stored('UserDeactivated', { userId: 'u1' }))).toEqual({
      specversion: '1.0',
      id: '0b7f3c1e-1111-4222-8333-444455556666',
      source: 'urn:coalition:user:user-u1',
      type: 'coalition.user.user-deactivated.v1',
      subject: 'user-u1',
      time: '2026-01-15T12:00:00.000Z',
      datacontenttype: 'application/json',
      data: { userId: 'u1' },
      position: 7,
      streamversion: 2,
      correlationid: 'corr-9',
      actorstate: 'WA',
      actorid: 'admin-1',
    });
  });

  it('never lets a password hash leave the event store', () => {
    const envelope = toCloudEvent(stored('UserRegistered', { userId: 'u1', username: 'a', passwordHash: 'scrypt$secret' }));
    expect(envelope.data).toEqual({ userId: 'u1', username: 'a' });
    expect(JSON.stringify(envelope)).not.toContain('scrypt$secret');
  });

  it("never lets an API key's hash leave the event store", () => {
    const envelope = toCloudEvent(stored('ApiKeyIssued', { keyId: 'k1', name: 'EOC', stateCode: 'WA', scopes: ['read'], expiresAt: null, keyHash: 'ab'.repeat(32) }));
    expect(envelope.data).toEqual({ keyId: 'k1', name: 'EOC', stateCode: 'WA', scopes: ['read'], expiresAt: null });
  });
});
