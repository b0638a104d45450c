import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  Actor, memberStateDecider, memberStateStreamId, SYSTEM_ACTOR, userDecider, userStreamId, webhookDecider, webhookStreamId,
} from '@coalition/domain';
import { Database } from '@coalition/platform';
import { eventually, testAdmin } from '@coalition/platform/testing';
import { CommandExecutor, EventStore, TOPICS } from '@coalition/event-store';
import { createTestDatabase, TestDatabase } from '@coalition/event-store/testing';
import { ALL_PROJECTIONS, DeadLetterQueue, ProjectionRunner, WebhooksRepository } from '@coalition/read-side';
import { DEFAULT_WEBHOOK_DELIVERY, WebhookDispatcher } from './webhook-dispatcher';

interface Received {
  at: number;
  body: string;
  signature: string | undefined;
  answered: number;
}

/** A receiver of the test's own on 127.0.0.1; `answer` decides each request's fate by its arrival number. */
async function receiver(answer: (n: number) => number | 'hang'): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const fate = answer(received.length + 1);
      received.push({ at: Date.now(), body, signature: req.headers['x-coalition-signature'] as string | undefined, answered: fate === 'hang' ? 0 : fate });
      if (fate === 'hang') return; // never answers: the dispatcher's timeout must cut it off
      res.writeHead(fate).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const positionOf = (r: Received) => Number(JSON.parse(r.body).position);
const WA_COORDINATOR: Actor = { id: 'wa-coordinator', kind: 'user', stateCode: 'WA', roles: ['coordinator'] };
const SECRET = 'a-webhook-secret-0123';

describe('webhook delivery (PostgreSQL, receivers started here)', () => {
  let testDb: TestDatabase;
  let db: Database;
  let store: EventStore;
  let executor: CommandExecutor;
  let projections: ProjectionRunner;
  let dispatcher: WebhookDispatcher;
  const receivers: { close: () => Promise<void> }[] = [];
  let projected = 0;

  /** What the worker's consumer does: apply new events to the read models (here without Kafka). */
  const project = async () => {
    const events = await store.readAll(projected, 10_000);
    if (events.length === 0) return;
    await projections.handle(TOPICS.events, 0, events.filter((e) => e.streamType !== 'legal-action'));
    projected = events[events.length - 1].position;
    dispatcher?.nudge();
  };

  const registerState = async (code: string) => {
    await executor.execute(memberStateDecider, {
      streamId: memberStateStreamId(code),
      command: { type: 'RegisterState', data: { code, name: `State ${code}`, population: 100 } },
      actor: testAdmin,
    });
  };
  const changePopulation = async (code: string, population: number) => {
    await executor.execute(memberStateDecider, {
      streamId: memberStateStreamId(code),
      command: { type: 'ChangePopulation', data: { code, population } },
      actor: testAdmin,
    });
  };
  const registerUser = async (actor: Actor) => {
    await executor.execute(userDecider, {
      streamId: userStreamId(actor.id),
      command: {
        type: 'RegisterUser',
        data: { userId: actor.id, username: actor.id, displayName: actor.id, roles: [...actor.roles], stateCode: actor.stateCode, passwordHash: 'scrypt$x', stateRegistered: true },
      },
      actor: SYSTEM_ACTOR,
    });
  };
  const registerWebhook = async (id: string, url: string, eventTypes = ['*']) => {
    await executor.execute(webhookDecider, {
      streamId: webhookStreamId(id),
      command: { type: 'RegisterWebhook', data: { webhookId: id, url, eventTypes, secret: SECRET } },
      actor: WA_COORDINATOR,
    });
  };

  beforeEach(async () => {
    testDb = await createTestDatabase({ poolSize: 6 });
    db = testDb.db;
    store = new EventStore(db);
    executor = new CommandExecutor(store);
    projections = new ProjectionRunner(db, ALL_PROJECTIONS, new DeadLetterQueue(db));
    projected = 0;
    await registerUser(WA_COORDINATOR);
  });

  afterEach(async () => {
    await dispatcher?.stop();
    await Promise.all(receivers.splice(0).map((r) => r.close()));
    await testDb?.drop();
  });

  const start = (overrides: Partial<typeof DEFAULT_WEBHOOK_DELIVERY> = {}) => {
    dispatcher = new WebhookDispatcher(db, store, executor, {
      ...DEFAULT_WEBHOOK_DELIVERY,
      allowPrivate: true,
      retryBaseMs: 100,
      timeoutMs: 400,
      pollIntervalMs: 50,
      ...overrides,
    });
    dispatcher.start();
  };

  it('retries a failing receiver with growing waits and delivers every event once, in position order, signed', async () => {
    // Fails the first event 3 times, then every 5th request, so retries interleave with progress.
    const flaky = await receiver((n) => (n <= 3 || n % 5 === 0 ? 500 : 204));
    receivers.push(flaky);
    await registerWebhook('flaky', flaky.url);
    await project();
    const codes = ['AA', 'BB', 'CC'];
    for (const code of codes) await registerState(code);
    for (let i = 1; i <= 4; i++) for (const code of codes) await changePopulation(code, 100 + i);
    await project();
    const expected = (await store.readAll(0, 1000)).filter((e) => e.streamType === 'member-state').map((e) => e.position);
    expect(expected).toHaveLength(15);

    start();
    const delivered = await eventually(
      () => {
        const ok = flaky.received.filter((r) => r.answered === 204);
        return ok.length >= expected.length && ok;
      },
      { timeoutMs: 30_000, what: 'all 15 events delivered' },
    );

    expect(delivered.map(positionOf)).toEqual(expected); // in order, none twice
    // Every attempt, failed or not, carried a valid signature of the exact bytes sent.
    for (const r of flaky.received) expect(r.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`);
    // The first event: three failures, then success; the waits between attempts grow.
    const first = flaky.received.slice(0, 4);
    expect(new Set(first.map(positionOf))).toEqual(new Set([expected[0]]));
    const waits = first.slice(1).map((r, i) => r.at - first[i].at);
    // The schedule is 100, 200, 400 ms: a busy machine can only stretch a wait, never shorten it,
    // so each wait is checked against its floor (a constant back-off would fail the later ones).
    expect(waits[0]).toBeLessThan(5_000);
    waits.forEach((wait, i) => expect(wait).toBeGreaterThanOrEqual(0.9 * 100 * 2 ** i));
    // The body is the CloudEvent of the contract.
    expect(JSON.parse(delivered[0].body)).toMatchObject({
      specversion: '1.0',
      type: 'coalition.member-state.state-registered.v1',
      source: 'urn:coalition:member-state:member-state-AA',
      subject: 'member-state-AA',
      datacontenttype: 'application/json',
      data: { code: 'AA' },
      position: expected[0],
      streamversion: 1,
    });

    // The deliveries log has every attempt (each row is written once its answer is in, so the
    // last one may land a moment after the receiver saw the request); the cursor stands at the last event.
    const log = await eventually(
      async () => {
        const rows = await new WebhooksRepository(db).deliveries('flaky', 1000);
        return rows.length >= flaky.received.length && rows;
      },
      { what: 'every attempt in the deliveries log' },
    );
    expect(log).toHaveLength(flaky.received.length);
    expect(log.filter((d) => d.status === 'failed').map((d) => d.responseStatus)).toEqual(expect.arrayContaining([500]));
    expect(log.slice().reverse().slice(0, 4).map((d) => [d.attempt, d.status])).toEqual([[1, 'failed'], [2, 'failed'], [3, 'failed'], [4, 'delivered']]);
    await eventually(async () => (await new WebhooksRepository(db).get('flaky'))?.delivery.position === expected[expected.length - 1], { what: 'cursor at the last event' });
  }, 60_000);

  it('keeps delivering to healthy receivers while one never answers, then disables the dead one with the reason', async () => {
    const dead = await receiver(() => 'hang');
    const healthy = await receiver(() => 200);
    receivers.push(dead, healthy);
    await registerWebhook('dead', dead.url);
    await registerWebhook('healthy', healthy.url, ['StateRegistered']);
    await project();
    start({ maxAttempts: 8, retryBaseMs: 50, timeoutMs: 300 });

    for (const code of ['AA', 'BB', 'CC', 'DD']) {
      const before = Date.now();
      await registerState(code);
      await project();
      // Each event reaches the healthy receiver well within one timeout of the dead one.
      await eventually(() => healthy.received.some((r) => JSON.parse(r.body).data.code === code), { timeoutMs: 2_000, intervalMs: 10, what: `${code} at the healthy receiver` });
      expect(Date.now() - before).toBeLessThan(1_500);
      await changePopulation(code, 5); // not subscribed by the healthy webhook
    }
    await project();
    expect(healthy.received.map((r) => JSON.parse(r.body).type)).toEqual(Array(4).fill('coalition.member-state.state-registered.v1'));

    // 8 attempts of 300 ms with waits of 50, 100, ... 3 200 ms: disabled after about 9 s.
    const repository = new WebhooksRepository(db);
    await eventually(
      async () => {
        await project();
        return (await repository.get('dead'))?.status === 'disabled';
      },
      { timeoutMs: 30_000, intervalMs: 200, what: 'the dead webhook disabled' },
    );
    const view = await repository.get('dead');
    expect(view?.disabledReason).toMatch(/after 8 failed attempts .*no answer within 300 ms/);
    expect(dead.received).toHaveLength(8);
    expect(new Set(dead.received.map(positionOf)).size).toBe(1); // always the first pending event, never skipped
    const log = await repository.deliveries('dead', 100);
    expect(log.map((d) => d.attempt)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(log.every((d) => d.status === 'failed' && d.responseStatus === null)).toBe(true);
    // The disabling is itself an attributable event in the webhook's stream.
    const stream = await store.readStream(webhookStreamId('dead'));
    expect(stream.map((e) => e.type)).toEqual(['WebhookRegistered', 'WebhookDisabled']);
    expect(stream[1].metadata.actor).toMatchObject({ id: 'system', kind: 'system' });

    // Nothing more is sent to a disabled webhook; re-enabling resumes with the same event.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dead.received).toHaveLength(8);
    await executor.execute(webhookDecider, { streamId: webhookStreamId('dead'), command: { type: 'EnableWebhook', data: { webhookId: 'dead' } }, actor: WA_COORDINATOR });
    await project();
    await eventually(() => dead.received.length > 8, { timeoutMs: 5_000, what: 'a new attempt after re-enabling' });
    expect(positionOf(dead.received[8])).toBe(positionOf(dead.received[0]));
  }, 60_000);

  it('sends a webhook only what its owner may read now, and stops when the owner is deactivated', async () => {
    const hook = await receiver(() => 200);
    receivers.push(hook);
    await registerWebhook('owner-view', hook.url);
    await project();
    start();
    await registerUser({ id: 'ca-coordinator', kind: 'user', stateCode: 'CA', roles: ['coordinator'] }); // a user account: admins and auditors only
    await registerWebhook('other', 'http://127.0.0.1:9/never'); // the owner's own state's webhook: readable
    await registerState('AA');
    await project();
    await eventually(() => hook.received.some((r) => JSON.parse(r.body).data.code === 'AA'), { what: 'StateRegistered delivered' });
    const types = hook.received.map((r) => JSON.parse(r.body).type);
    expect(types).toEqual(['coalition.webhook.webhook-registered.v1', 'coalition.member-state.state-registered.v1']);
    // The secret of the other webhook never leaves the event store.
    expect(hook.received[0].body).not.toContain(SECRET);
    expect(JSON.parse(hook.received[0].body).data).not.toHaveProperty('secret');

    await executor.execute(userDecider, { streamId: userStreamId(WA_COORDINATOR.id), command: { type: 'DeactivateUser', data: { userId: WA_COORDINATOR.id, otherActiveAdmins: 1 } }, actor: testAdmin });
    await registerState('BB');
    await project();
    const repository = new WebhooksRepository(db);
    await eventually(
      async () => {
        await project();
        return (await repository.get('owner-view'))?.status === 'disabled';
      },
      { what: 'the webhook of a deactivated owner disabled' },
    );
    expect((await repository.get('owner-view'))?.disabledReason).toMatch(/owner/);
    expect(hook.received.some((r) => JSON.parse(r.body).data.code === 'BB')).toBe(false);
  }, 30_000);

  it('prunes deliveries log rows older than the retention, and keeps the recent ones', async () => {
    const row = (webhookId: string, ageDays: number) =>
      db.query(
        `INSERT INTO webhook_deliveries (webhook_id, event_id, position, attempt, status, duration_ms, at)
         VALUES ($1, gen_random_uuid(), 1, 1, 'delivered', 5, now() - make_interval(days => $2))`,
        [webhookId, ageDays],
      );
    for (let i = 0; i < 3; i++) await row('old', 31 + i);
    await row('recent', 29);
    await row('today', 0);
    start({ retentionDays: 30 });
    // start() prunes once at once; pruning again finds nothing more.
    const left = async () => (await db.query<{ webhook_id: string }>('SELECT webhook_id FROM webhook_deliveries ORDER BY at')).map((r) => r.webhook_id);
    await eventually(async () => (await left()).length === 2, { what: 'the old rows pruned' });
    expect(await left()).toEqual(['recent', 'today']);
    expect(await dispatcher.pruneDeliveries()).toBe(0);
  });
});
