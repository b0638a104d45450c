/**
 * An agency system's first steps with the generated TypeScript client (docs/integration.md):
 * who am I, subscribe a webhook, and read a compact back at the position a command answered.
 * Run by apps/e2e/src/integration-examples.e2e.spec.ts against the running api.
 */
import { createCoalitionClient } from '@coalition/api-client';

export interface Subscription {
  webhookId: string;
  /** The position the registration was written at: read with `minPosition` to see it. */
  position: number;
}

/** Signs in, then subscribes `url` to the given event types with a Standard Webhooks secret. */
export async function subscribeWebhook(options: { baseUrl: string; username: string; password: string; url: string; secret: string; eventTypes: string[] }): Promise<Subscription> {
  const session: { token?: string } = {};
  const api = createCoalitionClient({ baseUrl: options.baseUrl, token: () => session.token });

  const login = await api.POST('/api/v1/auth/login', { body: { username: options.username, password: options.password } });
  if (!login.data) throw new Error(`login refused: ${login.error?.code}`);
  session.token = login.data.accessToken; // read before every request, so a renewed token is used at once

  const me = await api.GET('/api/v1/auth/me');
  if (!me.data) throw new Error(`who am I: ${me.error?.code}`);

  const created = await api.POST('/api/v1/webhooks', {
    params: { header: { 'Idempotency-Key': `subscribe-${me.data.id}-${options.url}` } },
    body: { url: options.url, eventTypes: options.eventTypes, secret: options.secret },
  });
  if (created.error) {
    // `code` is typed: the codes this route can answer.
    if (created.error.code === 'WEBHOOK_ADDRESS_NOT_ALLOWED') throw new Error('this deployment refuses private webhook addresses');
    throw new Error(`${created.response.status} ${created.error.code}: ${created.error.detail}`);
  }
  const webhook = await api.GET('/api/v1/webhooks/{id}', { params: { path: { id: created.data.id }, query: { minPosition: created.data.position } } });
  if (webhook.data?.status !== 'active') throw new Error('the webhook is not active');
  return { webhookId: created.data.id, position: created.data.position };
}
