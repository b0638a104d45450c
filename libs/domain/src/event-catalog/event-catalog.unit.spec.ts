import { apiKeyDecider } from '../api-key';
import { compactDecider } from '../compact';
import { legalActionDecider } from '../legal-action';
import { memberStateDecider } from '../member-state';
import { proposalDecider } from '../proposal';
import { RESOURCE_POOL_EVENT_TYPES, resourcePoolDecider } from '../resource-sharing';
import { userDecider } from '../identity';
import { webhookDecider } from '../webhook';
import { CONTRACT_AUDIENCES } from './event-visibility';
import { cloudEventType, EVENT_CATALOG, isKnownEventType, kebabEventName } from './event-catalog';

describe('event catalog', () => {
  it('lists each stream type once, under the name its decider writes', () => {
    const streamTypes = EVENT_CATALOG.map((entry) => entry.streamType);
    expect(new Set(streamTypes).size).toBe(streamTypes.length);
    expect(streamTypes).toEqual(expect.arrayContaining([memberStateDecider.streamType, userDecider.streamType, compactDecider.streamType, proposalDecider.streamType, webhookDecider.streamType, apiKeyDecider.streamType, legalActionDecider.streamType, resourcePoolDecider.streamType]));
  });

  it('lists every resource-sharing event type', () =>
    expect(EVENT_CATALOG.find((entry) => entry.streamType === resourcePoolDecider.streamType)?.eventTypes).toEqual([...RESOURCE_POOL_EVENT_TYPES]));

  it('agrees with the audiences the API contract names', () => {
    for (const entry of EVENT_CATALOG) {
      if (CONTRACT_AUDIENCES[entry.streamType]) expect([entry.streamType, entry.audience]).toEqual([entry.streamType, CONTRACT_AUDIENCES[entry.streamType]]);
    }
  });

  it('knows event types by name and by CloudEvent type', () => {
    expect(isKnownEventType('StateRegistered')).toBe(true);
    expect(isKnownEventType('coalition.member-state.state-registered.v1')).toBe(true);
    expect(isKnownEventType('coalition.member-state.state-registered.v7')).toBe(true);
    expect(isKnownEventType('coalition.user.state-registered.v1')).toBe(false);
    expect(isKnownEventType('Registered')).toBe(false);
  });

  it('names CloudEvent types in kebab case', () => {
    expect(kebabEventName('VoteCast')).toBe('vote-cast');
    expect(kebabEventName('OIDCKeyRotated')).toBe('oidc-key-rotated');
    expect(cloudEventType('member-state', 'StateRegistered', 1)).toBe('coalition.member-state.state-registered.v1');
  });
});
