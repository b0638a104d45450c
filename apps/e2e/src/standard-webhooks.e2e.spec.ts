import { createHmac, randomBytes } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { eventually } from '@coalition/platform/testing';
import { Caller, Stack } from './stack';

jest.setTimeout(60_000);

interface Delivery {
  path: string;
  body: string;
  headers: Record<string, string>;
  answered: number;
}

const flat = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]));

const legacySignature = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Deliveries checked by the reference receiver library of Standard Webhooks (`standardwebhooks`),
 * on a real HTTP receiver this test runs on 127.0.0.1: signatures, the stable `webhook-id`, replay
 * refusal, and secret rotation with a grace period.
 */
describe('webhooks speak Standard Webhooks', () => {
  let stack: Stack;
  let server: Server;
  let base: string;
  let wa: Caller & { id: string };
  const deliveries: Delivery[] = [];
  /** Paths whose first delivery the receiver refuses, so the worker retries it. */
  const refuseFirst = new Set<string>(['/retried']);
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  let webhookId: string;

  const deliveredTo = (path: string, count: number) =>
    eventually(async () => (deliveries.filter((d) => d.path === path && d.answered === 200).length >= count ? deliveries.filter((d) => d.path === path) : undefined), {
      timeoutMs: 30_000,
      intervalMs: 100,
      what: `${count} deliveries to ${path}`,
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const answered = refuseFirst.has(path) && !deliveries.some((d) => d.path === path) ? 503 : 200;
        deliveries.push({ path, body, headers: flat(req.headers), answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stack = await Stack.start({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '200' } });
    await stack.registerState('WA');
    wa = await stack.coordinator('WA');
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }, 30_000);

  it('signs each delivery so the standardwebhooks library verifies it, with a webhook-id that is stable across retries', async () => {
    const created = await wa.post('/webhooks', { url: `${base}/retried`, eventTypes: ['StateRegistered'], secret });
    expect(created.status).toBe(201);
    webhookId = String(created.body.id);
    await wa.get(`/webhooks/${webhookId}?minPosition=${Number(created.body.position)}`);
    await stack.registerState('OR');
    const [refused, accepted] = await deliveredTo('/retried', 1);
    expect([refused.answered, accepted.answered]).toEqual([503, 200]);

    const payload = new Webhook(secret).verify(accepted.body, accepted.headers) as { id: string; type: string; data: { code: string } };
    expect(payload).toMatchObject({ type: 'coalition.member-state.state-registered.v1', data: { code: 'OR' } });
    expect(accepted.headers['webhook-id']).toBe(`msg_${payload.id}_${webhookId}`);
    expect(refused.headers['webhook-id']).toBe(accepted.headers['webhook-id']);
    expect(Number(accepted.headers['webhook-timestamp'])).toBeGreaterThanOrEqual(Number(refused.headers['webhook-timestamp']));
    expect(Math.abs(Number(accepted.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(accepted.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    // The older header is still sent, for receivers that check it.
    expect(accepted.headers['x-coalition-signature']).toBe(legacySignature(secret, accepted.body));
    // A wrong secret, or a changed body, fails.
    expect(() => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(accepted.body, accepted.headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(accepted.body.replace('"OR"', '"XX"'), accepted.headers)).toThrow(WebhookVerificationError);
  });

  it('refuses a captured delivery replayed later: its timestamp is too old, and a fresh one breaks the signature', async () => {
    const captured = (await deliveredTo('/retried', 1)).find((d) => d.answered === 200);
    if (!captured) throw new Error('no delivery captured');
    const receiver = new Webhook(secret);
    const now = Date.now();
    const later = jest.spyOn(Date, 'now').mockReturnValue(now + 6 * 60 * 1000);
    try {
      expect(() => receiver.verify(captured.body, captured.headers)).toThrow(/timestamp too old/i);
    } finally {
      later.mockRestore();
    }
    const refreshed = { ...captured.headers, 'webhook-timestamp': String(Number(captured.headers['webhook-timestamp']) + 30) };
    expect(() => receiver.verify(captured.body, refreshed)).toThrow(/No matching signature/i);
  });

  it('signs a webhook registered with a plain secret over its UTF-8 bytes (the library\'s raw format)', async () => {
    const plain = 'a plain receiver secret 0001';
    const created = await wa.post('/webhooks', { url: `${base}/plain`, eventTypes: ['StateRegistered'], secret: plain });
    await wa.get(`/webhooks/${String(created.body.id)}?minPosition=${Number(created.body.position)}`);
    await stack.registerState('ID');
    const [delivery] = await deliveredTo('/plain', 1);
    expect(new Webhook(plain, { format: 'raw' }).verify(delivery.body, delivery.headers)).toMatchObject({ data: { code: 'ID' } });
    expect(delivery.headers['x-coalition-signature']).toBe(legacySignature(plain, delivery.body));
  });

  it('refuses a whsec_ secret that is not base64 of 24 to 64 bytes', async () => {
    for (const bad of ['whsec_not*base64*at*all*', `whsec_${randomBytes(16).toString('base64')}`]) {
      expect(await wa.post('/webhooks', { url: `${base}/bad`, eventTypes: ['*'], secret: bad })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('rotates the secret: the new one is shown once, and both sign during the grace period', async () => {
    const other = await stack.coordinator('OR');
    expect((await other.post(`/webhooks/${webhookId}/secret-rotations`, { gracePeriodSeconds: 600 })).status).toBe(403);
    const rotated = await wa.post<{ secret: string; previousSecretExpiresAt: string; position: number }>(`/webhooks/${webhookId}/secret-rotations`, { gracePeriodSeconds: 600 });
    expect(rotated.status).toBe(201);
    const next = rotated.body.secret;
    expect(next).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Date.parse(rotated.body.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(590_000);
    // Never shown again: not by the webhook's GET, nor in the feed's record of the rotation.
    const view = await wa.get(`/webhooks/${webhookId}?minPosition=${rotated.body.position}`);
    expect(JSON.stringify(view.body)).not.toContain(next.slice(6));
    const feed = await wa.get<{ events: { type: string; data: Record<string, unknown> }[] }>('/events?limit=1000');
    const record = feed.body.events.find((e) => e.type === 'coalition.webhook.webhook-secret-rotated.v1');
    expect(record?.data).toEqual({ webhookId, stateCode: 'WA', ownerId: expect.any(String), previousSecretExpiresAt: expect.any(String) });

    const before = deliveries.filter((d) => d.path === '/retried' && d.answered === 200).length;
    await stack.registerState('NV');
    const delivery = (await deliveredTo('/retried', before + 1)).filter((d) => d.answered === 200)[before];
    expect(delivery.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(next).verify(delivery.body, delivery.headers)).toMatchObject({ data: { code: 'NV' } });
    expect(new Webhook(secret).verify(delivery.body, delivery.headers)).toMatchObject({ data: { code: 'NV' } });
    // Receivers of the older header keep the previous secret until the grace period ends.
    expect(delivery.headers['x-coalition-signature']).toBe(legacySignature(secret, delivery.body));
  });

  it('stops signing with the previous secret once a rotation gives it no grace', async () => {
    const rotated = await wa.post<{ secret: string }>(`/webhooks/${webhookId}/secret-rotations`, { gracePeriodSeconds: 0 });
    expect(rotated.status).toBe(201);
    const newest = rotated.body.secret;
    const before = deliveries.filter((d) => d.path === '/retried' && d.answered === 200).length;
    await stack.registerState('UT');
    const delivery = (await deliveredTo('/retried', before + 1)).filter((d) => d.answered === 200)[before];
    expect(delivery.headers['webhook-signature'].split(' ')).toHaveLength(1);
    expect(new Webhook(newest).verify(delivery.body, delivery.headers)).toMatchObject({ data: { code: 'UT' } });
    expect(() => new Webhook(secret).verify(delivery.body, delivery.headers)).toThrow(WebhookVerificationError);
    expect(delivery.headers['x-coalition-signature']).toBe(legacySignature(newest, delivery.body));
    expect(await wa.post(`/webhooks/${webhookId}/secret-rotations`, { gracePeriodSeconds: 8 * 24 * 3600 })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });
});
