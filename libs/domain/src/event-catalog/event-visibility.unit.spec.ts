import { Actor } from '../shared';
import { membershipReadsResources } from '../resource-sharing/resource-sharing.access';
import { compactToCheck, mayReadEvent, ReadableEvent, ReaderFacts } from './event-visibility';

const user = (roles: Actor['roles'], stateCode: string | null = null): Actor => ({ id: `${roles[0]}-${stateCode}`, kind: 'user', roles, stateCode });
const key = (scopes: NonNullable<Actor['scopes']>, stateCode = 'WA'): Actor => ({ id: 'k', kind: 'api-key', roles: [], stateCode, scopes });
const event = (streamType: string, data: Record<string, unknown> = {}, actorStateCode: string | null = 'WA'): ReadableEvent => ({ streamType, data, actorStateCode });

const readers = {
  admin: user(['admin']),
  auditor: user(['auditor']),
  'WA coordinator': user(['coordinator'], 'WA'),
  'CA coordinator': user(['coordinator'], 'CA'),
  'WA counsel': user(['counsel'], 'WA'),
  'WA read key': key(['read']),
  'CA read key': key(['read'], 'CA'),
  'WA legal:read key': key(['legal:read']),
  'WA resources:write key': key(['resources:write']),
};
type ReaderName = keyof typeof readers;
const allowed = (e: ReadableEvent, facts?: (reader: ReaderName) => ReaderFacts) =>
  (Object.keys(readers) as ReaderName[]).filter((name) => mayReadEvent(readers[name], e, facts?.(name)));

/** Compact c1 has WA as a member and CA not: what a caller gathers for each reader's state. */
const membersOfC1 = ['WA'];
const c1Facts = (name: ReaderName): ReaderFacts => ({
  memberOfCompacts: new Set(readers[name].stateCode !== null && membersOfC1.includes(readers[name].stateCode) ? ['c1'] : []),
});
const pledge = event('resource-pool', { pledgeId: 'p1', compactId: 'c1', stateCode: 'WA' });

describe('event visibility', () => {
  it('shows member-state events to every principal', () =>
    expect(allowed(event('member-state', { code: 'CA' }, null))).toEqual(Object.keys(readers)));

  it('shows legal actions only to counsel, auditors, admins and legal:read keys', () =>
    expect(allowed(event('legal-action', { stateCode: 'WA' }))).toEqual(['admin', 'auditor', 'WA counsel', 'WA legal:read key']));

  it('shows user accounts only to admins and auditors', () =>
    expect(allowed(event('user', { stateCode: 'WA' }))).toEqual(['admin', 'auditor']));

  it('shows a state its own API keys, as the API contract says, whatever the catalog holds', () =>
    expect(allowed(event('api-key', { stateCode: 'WA' }, null))).toEqual(['admin', 'auditor', 'WA coordinator', 'WA read key']));

  it("shows a webhook's events (its URL among them) only to its owner, admins and auditors, not to the owner's state", () => {
    expect(allowed(event('webhook', { webhookId: 'w1', url: 'https://hooks.wa.example', stateCode: 'WA', ownerId: 'coordinator-WA' }, 'WA')))
      .toEqual(['admin', 'auditor', 'WA coordinator']);
    expect(allowed(event('webhook', { webhookId: 'w2', stateCode: 'WA', ownerId: 'another-wa-coordinator' }, 'WA'))).toEqual(['admin', 'auditor']);
    // Recorded before events named their owner: administrators only.
    expect(allowed(event('webhook', { webhookId: 'w3', stateCode: 'WA' }, 'WA'))).toEqual(['admin', 'auditor']);
  });

  it('never lets an API key own a webhook event, whatever its id', () =>
    expect(mayReadEvent({ ...key(['read']), id: 'k' }, event('webhook', { ownerId: 'k', stateCode: 'WA' }))).toBe(false));

  it("falls back to the actor's state when the data names none", () => {
    expect(allowed(event('api-key', { keyId: 'k1' }, 'CA'))).toEqual(['admin', 'auditor', 'CA coordinator', 'CA read key']);
    expect(allowed(event('api-key', { keyId: 'k1' }, null))).toEqual(['admin', 'auditor']);
  });

  it("shows resource-sharing events to every principal of the compact's member states, but not legal:read-only keys", () => {
    expect(allowed(pledge, c1Facts)).toEqual(['admin', 'auditor', 'WA coordinator', 'WA counsel', 'WA read key', 'WA resources:write key']);
    expect(mayReadEvent(key(['legal:read', 'read']), pledge, { memberOfCompacts: new Set(['c1']) })).toBe(true);
  });

  it("decides resource-sharing events by the event's compact, not the state that acted", () => {
    const caPledge = event('resource-pool', { pledgeId: 'p2', compactId: 'c1', stateCode: 'CA' }, 'CA');
    expect(allowed(caPledge, c1Facts)).toEqual(['admin', 'auditor', 'WA coordinator', 'WA counsel', 'WA read key', 'WA resources:write key']);
    expect(allowed(event('resource-pool', { pledgeId: 'p3', compactId: 'c2', stateCode: 'WA' }), c1Facts)).toEqual(['admin', 'auditor']);
  });

  it('shows resource-sharing events to admins and auditors only when the caller gives no membership', () =>
    expect(allowed(pledge)).toEqual(['admin', 'auditor']));

  it('asks the caller about the compact only for readers membership decides', () => {
    expect(compactToCheck(readers['WA coordinator'], pledge)).toBe('c1');
    expect(compactToCheck(readers.admin, pledge)).toBeUndefined();
    expect(compactToCheck(readers['WA coordinator'], event('proposal', { compactId: 'c1' }))).toBeUndefined();
    expect(compactToCheck({ kind: 'user', roles: ['coordinator'], stateCode: null }, pledge)).toBeUndefined();
  });

  it('counts every membership status but an application, withdrawn states included', () => {
    expect((['applied', 'admitted', 'ratified', 'withdrawing', 'withdrawn'] as const).filter(membershipReadsResources)).toEqual(['admitted', 'ratified', 'withdrawing', 'withdrawn']);
    expect(membershipReadsResources(undefined)).toBe(false);
  });

  it('shows a stream type missing from the catalog to admins and auditors only', () =>
    expect(allowed(event('something-new'))).toEqual(['admin', 'auditor']));

  it('gives an API key no admin rights, whatever roles it carries', () =>
    expect(mayReadEvent({ kind: 'api-key', roles: ['admin'], stateCode: 'WA', scopes: ['read'] }, event('user'))).toBe(false));
});
