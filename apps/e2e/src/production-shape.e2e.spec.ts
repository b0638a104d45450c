import { randomUUID } from 'node:crypto';
import { proposalStreamId, SYSTEM_ACTOR } from '@coalition/domain';
import { consumeUntil } from '@coalition/platform/testing';
import { createKafka, EventStore, metadataActor, openDatabase, physicalTopic, TOPICS } from '@coalition/event-store';
import { testKafkaBrokers } from '@coalition/event-store/testing';
import { json } from './processes';
import { metricsAuth, PASSWORD, Stack } from './stack';

/**
 * The production shape: api and worker as separate processes against the real PostgreSQL and
 * the real Kafka broker. A command written through the api becomes visible through the api
 * only after the worker's relay published it to Kafka and its projection consumed it.
 */
describe('api and worker as separate processes on PostgreSQL and Kafka', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  it('reports both processes ready, each checking the database and Kafka', async () => {
    for (const app of [stack.api, stack.worker]) {
      const ready = await json<{ details: Record<string, { status: string }> }>(await fetch(`${app.url}/health/ready`));
      expect(ready.details).toMatchObject({ database: { status: 'up' }, kafka: { status: 'up' } });
    }
    expect(await (await fetch(`${stack.worker.url}/metrics`, { headers: metricsAuth })).text()).toContain('coalition_outbox_backlog');
  });

  it('keeps idle connections open longer than client pools do, so a reused socket is never closed under a request', async () => {
    for (const app of [stack.api, stack.worker]) {
      const live = await fetch(`${app.url}/health/live`);
      await live.text();
      expect(live.headers.get('keep-alive')).toBe('timeout=65');
    }
  });

  it('reads its own writes through the outbox, Kafka and the worker projections', async () => {
    const created = await stack.admin.request('POST', '/states', { code: 'WA', name: 'Washington', population: 7_812_880 });
    expect(created).toMatchObject({ status: 201, body: { id: 'WA', version: 1 } });
    const states = await stack.admin.request('GET', `/states?minPosition=${created.body.position}`);
    expect(states.body).toEqual([{ code: 'WA', name: 'Washington', population: 7_812_880, streamId: 'member-state-WA' }]);
  });

  it('answers bad input with problem+json and loses nothing', async () => {
    const malformed = await stack.admin.request('POST', '/states', '{"code": ');
    expect(malformed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(malformed.type).toContain('application/problem+json');
    const unknownField = await stack.admin.request('POST', '/states', { code: 'ID', name: 'Idaho', population: 1, governor: 'x' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'governor' })]));
    const nul = await stack.admin.request('POST', '/states', { code: 'ID', name: 'Ida\u0000ho', population: 1 });
    expect(nul.status).toBe(400);
    expect((await stack.anonymous.request('POST', '/states', { code: 'ID', name: 'Idaho', population: 1 })).status).toBe(401);
    const duplicate = await stack.admin.request('POST', '/states', { code: 'WA', name: 'Washington', population: 1 });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'DUPLICATE' } });
  });

  it('refuses a stale If-Match with 412 and replays an Idempotency-Key', async () => {
    const stale = await stack.admin.request('PATCH', '/states/WA', { population: 8_000_000 }, { 'If-Match': '0' });
    expect(stale).toMatchObject({ status: 412, body: { code: 'VERSION_CONFLICT' } });
    const first = await stack.admin.request('POST', '/states', { code: 'OR', name: 'Oregon', population: 4_240_000 }, { 'Idempotency-Key': 'or-1' });
    const again = await stack.admin.request('POST', '/states', { code: 'OR', name: 'Oregon', population: 4_240_000 }, { 'Idempotency-Key': 'or-1' });
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    const reused = await stack.admin.request('POST', '/states', { code: 'OR', name: 'Oregon', population: 1 }, { 'Idempotency-Key': 'or-1' });
    expect(reused).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  });

  it('lets only admins manage states, and a deactivated user is refused on the next request', async () => {
    const user = await stack.admin.request('POST', '/users', {
      username: 'wa.coordinator', password: PASSWORD, displayName: 'WA coordinator', roles: ['coordinator'], stateCode: 'WA',
    });
    expect(user.status).toBe(201);
    const token = await stack.login('wa.coordinator');
    expect((await stack.bearer(token).request('GET', '/auth/me')).body).toMatchObject({ kind: 'user', roles: ['coordinator'], stateCode: 'WA' });
    const forbidden = await stack.bearer(token).request('POST', '/states', { code: 'CA', name: 'California', population: 1 });
    expect(forbidden).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await stack.admin.request('POST', `/users/${user.body.id}/deactivate`, {})).status).toBe(200);
    expect((await stack.bearer(token).request('GET', '/auth/me')).status).toBe(401);
    expect((await stack.anonymous.request('POST', '/auth/login', { username: 'wa.coordinator', password: PASSWORD })).status).toBe(401);
  });

  it("parks a process manager's poisoned event on the worker's DLQ topic", async () => {
    // A passed dissolution of a compact that does not exist: the outcome process manager's
    // command is refused however often it retries, so the worker must park the event.
    const proposalId = randomUUID();
    const db = await openDatabase({ url: stack.databaseUrl, poolSize: 1 });
    try {
      await new EventStore(db).append({
        streamId: proposalStreamId(proposalId),
        streamType: 'proposal',
        expectedVersion: 'any',
        recordedAt: new Date(),
        metadata: { actor: metadataActor(SYSTEM_ACTOR), commandId: proposalId, correlationId: proposalId, causationId: proposalId },
        events: [{
          type: 'ProposalClosed',
          data: {
            proposalId, compactId: 'no-such-compact', kind: 'dissolution', outcome: 'passed', closedAt: new Date().toISOString(), reason: 'all-voted',
            tally: { yes: 1, no: 0, abstain: 0, participation: 1, quorumMet: true, thresholdMet: true },
          },
        }],
      });
    } finally {
      await db.close();
    }
    const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'e2e-dlq', partitions: 1, topicPrefix: stack.topicPrefix });
    const parked = (messages: readonly { value: string | null }[]) =>
      messages.map((m) => JSON.parse(m.value ?? '{}')).find((letter) => letter.event?.data?.proposalId === proposalId);
    const messages = await consumeUntil(kafka, physicalTopic(stack.topicPrefix, TOPICS.dlq), (received) => parked(received) !== undefined);
    expect(parked(messages)).toMatchObject({ consumer: 'process-manager:proposal-outcomes', topic: TOPICS.events, event: { type: expect.stringContaining('proposal-closed') } });
  }, 60_000);
});
