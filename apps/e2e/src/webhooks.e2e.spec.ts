import { createHmac } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { eventually, parseAsyncApi, ParsedAsyncApi } from '@coalition/platform/testing';
import { Caller, Stack } from './stack';

interface Delivery {
  body: string;
  headers: Record<string, string | string[] | undefined>;
  answered: number;
}

const SECRET = 'wa-receiver-secret-0001';

// Registering a coordinator hashes its password twice, slow on a shared machine.
jest.setTimeout(30_000);

/**
 * Webhooks through the running worker, to a receiver this test starts on 127.0.0.1 (the stack
 * sets WEBHOOK_ALLOW_PRIVATE=true, as the embedded default does).
 */
describe('webhooks', () => {
  let stack: Stack;
  let server: Server;
  let url: string;
  const deliveries: Delivery[] = [];
  let waCoordinator: Caller & { id: string };
  let caCoordinator: Caller & { id: string };
  let asyncApi: ParsedAsyncApi;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        // The first delivery fails: the worker must retry it before anything else.
        const answered = deliveries.length === 0 ? 503 : 200;
        deliveries.push({ body, headers: req.headers, answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/coalition`;
    stack = await Stack.start({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '200' } });
    await stack.registerState('WA');
    waCoordinator = await stack.coordinator('WA');
    asyncApi = await parseAsyncApi(await (await fetch(`${stack.api.url}/asyncapi.yaml`)).text());
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }, 30_000);

  let webhookId: string;

  it('registers a webhook for its owner, and never shows the secret', async () => {
    const created = await waCoordinator.post('/webhooks', { url, eventTypes: ['*'], secret: SECRET });
    expect(created).toMatchObject({ status: 201, body: { id: expect.any(String), version: 1, position: expect.any(Number) } });
    webhookId = String(created.body.id);
    await stack.registerState('CA');
    caCoordinator = await stack.coordinator('CA');

    const mine = await waCoordinator.get<Record<string, unknown>[]>(`/webhooks?minPosition=${created.body.position}`);
    expect(mine.body).toEqual([
      expect.objectContaining({ id: webhookId, url, eventTypes: ['*'], status: 'active', disabledReason: null, ownerId: waCoordinator.id, stateCode: 'WA' }),
    ]);
    expect((await stack.admin.get<unknown[]>('/webhooks')).body).toHaveLength(1);
    expect((await caCoordinator.get<unknown[]>('/webhooks')).body).toEqual([]);
    for (const answer of [mine, await stack.admin.get('/webhooks'), await stack.admin.get(`/webhooks/${webhookId}`)]) {
      expect(JSON.stringify(answer.body)).not.toContain(SECRET);
    }
    // Another state's coordinator can neither read nor delete it.
    expect((await caCoordinator.get(`/webhooks/${webhookId}`)).status).toBe(403);
    expect((await caCoordinator.get(`/webhooks/${webhookId}/deliveries`)).status).toBe(403);
    expect((await caCoordinator.delete(`/webhooks/${webhookId}`)).status).toBe(403);
    expect((await stack.admin.get('/webhooks/6f1c1a9e-0000-4000-8000-000000000000')).status).toBe(404);
    // The registration is in the feed of its own state only, without the secret.
    const feedTypes = async (caller: Caller) => (await caller.get<{ events: { type: string; data: object }[] }>('/events?limit=1000')).body.events;
    const waFeed = await feedTypes(waCoordinator);
    expect(waFeed.find((e) => e.type === 'coalition.webhook.webhook-registered.v1')?.data).toEqual({ webhookId, url, eventTypes: ['*'], ownerId: waCoordinator.id, stateCode: 'WA' });
    expect((await feedTypes(caCoordinator)).some((e) => e.type.startsWith('coalition.webhook.'))).toBe(false);
  });

  it('delivers what its owner may read, signed, in order, retrying a failure first', async () => {
    const changed = await stack.admin.patch('/states/WA', { population: 8_000_000 });
    expect(changed.status).toBe(200);
    const received = await eventually(
      () => {
        const ok = deliveries.filter((d) => d.answered === 200).map((d) => JSON.parse(d.body));
        return ok.some((e) => e.type === 'coalition.member-state.population-changed.v1') && ok;
      },
      { timeoutMs: 20_000, what: 'PopulationChanged at the receiver' },
    );
    // After its registration the owner may read: CA's registration and WA's population change, not
    // the CA coordinator's user account (admins and auditors only).
    expect(received.map((e) => e.type)).toEqual(['coalition.member-state.state-registered.v1', 'coalition.member-state.population-changed.v1']);
    expect(received.map((e) => e.subject)).toEqual(['member-state-CA', 'member-state-WA']);
    expect(received[0].position).toBeLessThan(received[1].position);
    expect(deliveries[0]).toMatchObject({ answered: 503 });
    expect(JSON.parse(deliveries[0].body).id).toBe(received[0].id); // the failed one was retried first
    for (const delivery of deliveries) {
      expect(delivery.headers['x-coalition-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(delivery.body).digest('hex')}`);
      expect(delivery.headers['content-type']).toContain('application/cloudevents+json');
      const envelope = JSON.parse(delivery.body);
      const message = [...asyncApi.messages.values()].find((m) => (m.payload.allOf as { properties?: { type?: { const?: string } } }[] | undefined)?.[1]?.properties?.type?.const === envelope.type);
      expect(message?.validate(envelope)).toBe(true);
    }

    const log = await waCoordinator.get<{ eventId: string; attempt: number; status: string; responseStatus: number | null; at: string }[]>(`/webhooks/${webhookId}/deliveries`);
    expect(log.body.map((d) => [d.eventId, d.attempt, d.status, d.responseStatus])).toEqual([
      [received[1].id, 1, 'delivered', 200],
      [received[0].id, 2, 'delivered', 200],
      [received[0].id, 1, 'failed', 503],
    ]);
    expect((await stack.admin.get<unknown[]>(`/webhooks/${webhookId}/deliveries`)).body).toHaveLength(3);
  });

  it('stops delivering once deleted', async () => {
    const deleted = await waCoordinator.delete(`/webhooks/${webhookId}`);
    expect(deleted).toMatchObject({ status: 200, body: { id: webhookId, version: 2 } });
    expect((await waCoordinator.get<unknown[]>(`/webhooks?minPosition=${deleted.body.position}`)).body).toEqual([]);
    const before = deliveries.length;
    await stack.registerState('OR');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(deliveries).toHaveLength(before);
    expect((await waCoordinator.delete(`/webhooks/${webhookId}`)).status).toBe(404);
  });
});
