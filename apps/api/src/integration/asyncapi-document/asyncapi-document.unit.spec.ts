import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cloudEventType, EVENT_CATALOG } from '@coalition/domain';
import { parseAsyncApi, ParsedAsyncApi } from '@coalition/platform/testing';
import { topicForStreamType, TOPICS } from '@coalition/event-store';
import { findAsyncApiDocument, servedAsyncApiDocument } from './asyncapi-document';

const DOMAIN = join(__dirname, '../../../../../libs/domain/src');

/** Every `DomainEvent<'Name', ...>` declared in the domain's *.events.ts files. */
function declaredEventTypes(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return declaredEventTypes(path);
    if (!entry.endsWith('.events.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/DomainEvent<\s*'([A-Za-z0-9]+)'/g)].map((m) => m[1]);
  });
}

describe('docs/asyncapi.yaml', () => {
  let doc: ParsedAsyncApi;
  const catalogued = EVENT_CATALOG.flatMap((entry) => entry.eventTypes.map((type) => ({ streamType: entry.streamType, type })));

  beforeAll(async () => {
    doc = await parseAsyncApi(readFileSync(findAsyncApiDocument(), 'utf8'));
  });

  it('is a valid AsyncAPI 3 document', () => {
    expect(doc.errors).toEqual([]);
    expect(readFileSync(findAsyncApiDocument(), 'utf8')).toMatch(/^asyncapi: 3\./);
  });

  it('describes every topic', () => {
    const addresses = new Set([...doc.messages.values()].flatMap((m) => m.channels));
    for (const topic of Object.values(TOPICS)) expect(addresses).toContain(topic);
  });

  it('has a catalog entry for every event type the domain declares', () => {
    const known = new Set(catalogued.map((c) => c.type));
    expect(declaredEventTypes(DOMAIN).filter((type) => !known.has(type))).toEqual([]);
  });

  it.each(catalogued.map((c) => [c.type, c.streamType]))('has a message for %s on its topic, typed and with a schema for its data', (type, streamType) => {
    const message = doc.messages.get(type);
    expect(message).toBeDefined();
    if (!message) return;
    expect(message.channels).toEqual([topicForStreamType(streamType)]);
    const [envelope, own] = (message.payload.allOf ?? []) as { properties?: Record<string, { const?: string; type?: string }> }[];
    expect(envelope?.properties?.specversion).toEqual(expect.objectContaining({ const: '1.0' }));
    expect(own?.properties?.type?.const).toBe(cloudEventType(streamType, type, 1));
    expect(own?.properties?.data?.type).toBe('object');
  });

  it('describes no event type the catalog does not know', () => {
    const known = new Set(catalogued.map((c) => c.type));
    const eventMessages = [...doc.messages.values()].filter((m) => m.channels.some((c) => c === TOPICS.events || c === TOPICS.legal));
    expect(eventMessages.map((m) => m.name).filter((name) => !known.has(name))).toEqual([]);
  });

  it('accepts a real envelope and refuses one carrying a credential or the wrong type', () => {
    const envelope = {
      specversion: '1.0',
      id: '0b7f3c1e-1111-4222-8333-444455556666',
      source: 'urn:coalition:user:user-u1',
      type: 'coalition.user.user-registered.v1',
      subject: 'user-u1',
      time: '2026-01-15T12:00:00.000Z',
      datacontenttype: 'application/json',
      data: { userId: 'u1', username: 'wa.coordinator', displayName: 'WA', roles: ['coordinator'], stateCode: 'WA' },
      position: 7,
      streamversion: 1,
      correlationid: 'c',
      actorstate: null,
      actorid: 'admin-1',
    };
    const validate = doc.messages.get('UserRegistered')?.validate;
    expect(validate?.(envelope)).toBe(true);
    expect(validate?.({ ...envelope, data: { ...envelope.data, passwordHash: 'scrypt$x' } })).toBe(false);
    expect(validate?.({ ...envelope, type: 'coalition.user.user-deactivated.v1' })).toBe(false);
    for (const message of doc.messages.values()) for (const example of message.examples) expect([message.name, message.validate(example)]).toEqual([message.name, true]);
  });

  it('describes resource-sharing data in integer hundredths and cents', () => {
    const envelope = (type: string, data: Record<string, unknown>) => ({
      specversion: '1.0', id: '0b7f3c1e-1111-4222-8333-444455556666', source: 'urn:coalition:resource-pool:resource-pool-c1', type,
      subject: 'resource-pool-c1', time: '2026-01-15T12:00:00.000Z', datacontenttype: 'application/json', data,
      position: 9, streamversion: 3, correlationid: 'c', actorstate: 'WA', actorid: 'u1',
    });
    const pledge = { pledgeId: 'p1', compactId: 'c1', stateCode: 'WA', resourceType: 'engine-crew', unit: 'crew', quantityHundredths: 1250 };
    const pledged = doc.messages.get('PledgeMade')?.validate;
    expect(pledged?.(envelope('coalition.resource-pool.pledge-made.v1', pledge))).toBe(true);
    expect(pledged?.(envelope('coalition.resource-pool.pledge-made.v1', { ...pledge, quantityHundredths: 12.5 }))).toBe(false);
    expect(pledged?.(envelope('coalition.resource-pool.pledge-made.v1', { ...pledge, quantity: 12.5 }))).toBe(false);
    const claim = {
      reimbursementId: 'r1', offerId: 'o1', compactId: 'c1', stateCode: 'WA', payerState: 'CA',
      amountCents: 1_850_050, currency: 'USD', categoriesCents: { personnel: 1_000_000, equipment: 850_050 },
    };
    const claimed = doc.messages.get('ReimbursementClaimed')?.validate;
    expect(claimed?.(envelope('coalition.resource-pool.reimbursement-claimed.v1', claim))).toBe(true);
    expect(claimed?.(envelope('coalition.resource-pool.reimbursement-claimed.v1', { ...claim, categoriesCents: { fuel: 1_850_050 } }))).toBe(false);
  });

  it('describes the audit checkpoint the worker publishes', () => {
    const validate = doc.messages.get('AuditCheckpoint')?.validate;
    expect(validate?.({ position: 12, hash: 'a'.repeat(64), time: '2026-01-15T12:00:00.000Z', publishedAt: '2026-01-15T12:00:01.000Z' })).toBe(true);
    expect(validate?.({ position: 12, hash: 'xyz', time: '2026-01-15T12:00:00.000Z', publishedAt: '2026-01-15T12:00:01.000Z' })).toBe(false);
  });

  it('says the CloudEvents Kafka binding structured content type for every event message', () => {
    const eventMessages = [...doc.messages.values()].filter((m) => m.channels.some((c) => c === TOPICS.events || c === TOPICS.legal));
    expect(eventMessages.length).toBe(catalogued.length);
    for (const message of eventMessages) expect([message.name, message.contentType]).toEqual([message.name, 'application/cloudevents+json; charset=UTF-8']);
  });

  it('serves the configured brokers and topic names, not a placeholder', async () => {
    const served = servedAsyncApiDocument(readFileSync(findAsyncApiDocument(), 'utf8'), { brokers: ['k1.internal:9092', 'k2.internal:9093'], topicPrefix: 'prod.' });
    const parsed = await parseAsyncApi(served);
    expect(parsed.errors).toEqual([]);
    expect(parsed.servers).toEqual([
      { name: 'broker-1', host: 'k1.internal:9092', protocol: 'kafka' },
      { name: 'broker-2', host: 'k2.internal:9093', protocol: 'kafka' },
    ]);
    expect(served).not.toContain('{broker}');
    const addresses = new Set([...parsed.messages.values()].flatMap((m) => m.channels));
    for (const topic of Object.values(TOPICS)) expect(addresses).toContain(`prod.${topic}`);
  });

  it('serves no server when the deployment runs embedded, without Kafka', async () => {
    const parsed = await parseAsyncApi(servedAsyncApiDocument(readFileSync(findAsyncApiDocument(), 'utf8'), { brokers: [], topicPrefix: '' }));
    expect(parsed.errors).toEqual([]);
    expect(parsed.servers).toEqual([]);
  });
});
