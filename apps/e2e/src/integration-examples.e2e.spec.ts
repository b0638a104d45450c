import { randomBytes } from 'node:crypto';
import { CloudEvent } from 'cloudevents';
import { eventually } from '@coalition/platform/testing';
import { testKafkaBrokers } from '@coalition/event-store/testing';
// The examples live under docs/ where integrators read them, outside every project: this test is what keeps them working.
/* eslint-disable @nx/enforce-module-boundaries */
import { consumeCoalitionEvents } from '../../../docs/examples/kafka-consumer';
import { subscribeWebhook } from '../../../docs/examples/typed-client';
import { CoalitionEvent, startWebhookReceiver } from '../../../docs/examples/webhook-receiver';
/* eslint-enable @nx/enforce-module-boundaries */
import { PASSWORD, Stack } from './stack';

jest.setTimeout(90_000);

/**
 * The worked examples of docs/integration.md are real files (docs/examples/): `npm run typecheck`
 * compiles them under --strict and this test runs them against the running system, so they
 * cannot rot. The typed client subscribes the Standard Webhooks receiver; a state registered
 * afterwards reaches both the receiver and the CloudEvents Kafka consumer.
 */
describe('the integration examples in docs/examples', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    await stack.registerState('WA');
    await stack.coordinator('WA');
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  it('subscribe with the typed client, receive with Standard Webhooks, consume Kafka with the CloudEvents SDK', async () => {
    const received: CoalitionEvent[] = [];
    const consumed: CloudEvent<Record<string, unknown>>[] = [];
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const receiver = await startWebhookReceiver({ secrets: [secret], onEvent: (event) => void received.push(event) });
    const consumer = await consumeCoalitionEvents({
      brokers: testKafkaBrokers(),
      topicPrefix: stack.topicPrefix,
      groupId: `example-${randomBytes(4).toString('hex')}`,
      onEvent: (event) => void consumed.push(event),
    });
    try {
      const subscription = await subscribeWebhook({
        baseUrl: stack.api.url,
        username: 'wa.coordinator',
        password: PASSWORD,
        url: receiver.url,
        secret,
        eventTypes: ['StateRegistered'],
      });
      expect(subscription.webhookId).toMatch(/^[0-9a-f-]{36}$/);
      await stack.registerState('OR');

      const viaWebhook = await eventually(async () => received.find((event) => event.data.code === 'OR'), { timeoutMs: 30_000, intervalMs: 100, what: 'the webhook delivery' });
      expect(viaWebhook).toMatchObject({ type: 'coalition.member-state.state-registered.v1', subject: 'member-state-OR' });
      const viaKafka = await eventually(async () => consumed.find((event) => event.id === viaWebhook.id), { timeoutMs: 30_000, intervalMs: 100, what: 'the Kafka message' });
      expect(viaKafka).toMatchObject({ type: viaWebhook.type, subject: 'member-state-OR', partitionkey: 'member-state-OR' });
      // Every Kafka message the consumer read was a valid CloudEvent of Coalition's.
      expect(consumed.every((event) => event.type.startsWith('coalition.'))).toBe(true);
      expect(received).toHaveLength(1);
    } finally {
      await consumer.stop();
      await receiver.close();
    }
  });
});
