import { CloudEvent, Kafka as CloudEventsKafka, KafkaMessage } from 'cloudevents';
import { consumeUntil, parseAsyncApi, ReceivedMessage } from '@coalition/platform/testing';
import { createKafka, physicalTopic, TOPICS } from '@coalition/event-store';
import { testKafkaBrokers } from '@coalition/event-store/testing';
import { draftCompact, expectStatus, inSeconds, ratify, vote } from './compacts.fixture';
import { Stack } from './stack';

jest.setTimeout(90_000);

interface FeedEvent {
  id: string;
  type: string;
  position: number;
  [attribute: string]: unknown;
}

/**
 * What an agency's Kafka consumer sees from the running system: every message the session below
 * causes, on both event topics, read back from the real broker and handed to the official
 * `cloudevents` SDK's `Kafka.toEvent()`, is the CloudEvent the pull feed answers for that id.
 */
describe('the running system publishes CloudEvents under the Kafka protocol binding', () => {
  let stack: Stack;
  let feed: FeedEvent[];
  let messages: ReceivedMessage[];

  beforeAll(async () => {
    stack = await Stack.start();
    for (const code of ['WA', 'OR']) await stack.registerState(code);
    const [wa, or, waCounsel] = [await stack.coordinator('WA'), await stack.coordinator('OR'), await stack.counsel('WA')];
    const compact = await draftCompact(wa, { foundingStates: ['WA', 'OR'] });
    expectStatus(await ratify(wa, compact.id), 200);
    expectStatus(await ratify(or, compact.id, 'EO 26-04', 'executive-order'), 200);
    await wa.get(`/compacts/${compact.id}?minPosition=0`);
    const proposal = expectStatus(await wa.post(`/compacts/${compact.id}/proposals`, { kind: 'resolution', title: 'Stage engines', text: 'Resolved.', closesAt: inSeconds(3_600) }), 201);
    expectStatus(await vote(or, String(proposal.body.id), 'yes'), 200);
    expectStatus(await wa.post(`/compacts/${compact.id}/pledges`, { resourceType: 'water-tanker', unit: 'each', quantity: 3 }), 201);
    const action = expectStatus(
      await waCounsel.post('/legal-actions', { kind: 'comment-letter', title: 'Comments', summary: 'On the rule', forum: 'EPA docket', signOnDeadline: inSeconds(86_400) }),
      201,
    );
    const head = Number(action.body.position);
    feed = (await stack.admin.get<{ events: FeedEvent[] }>(`/events?limit=1000&minPosition=${head}`)).body.events;
    const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'e2e-cloudevents', partitions: 3, topicPrefix: stack.topicPrefix });
    const topics = [TOPICS.events, TOPICS.legal].map((topic) => physicalTopic(stack.topicPrefix, topic));
    const legal = feed.filter((event) => event.type.startsWith('coalition.legal-action.')).length;
    messages = [
      ...(await consumeUntil(kafka, topics[0], (received) => new Set(received.map((m) => m.key + (m.value ?? ''))).size >= feed.length - legal)),
      ...(await consumeUntil(kafka, topics[1], (received) => received.length >= legal)),
    ];
  }, 180_000);

  afterAll(() => stack?.stop(), 30_000);

  it('publishes every event of the session, legal actions on their own topic', () => {
    expect(feed.length).toBeGreaterThanOrEqual(15);
    const ids = new Set(messages.map((message) => JSON.parse(message.value ?? '{}').id as string));
    expect(feed.filter((event) => !ids.has(event.id)).map((event) => event.type)).toEqual([]);
    expect(messages.some((message) => message.topic.endsWith(TOPICS.legal))).toBe(true);
  });

  it('every message is a structured-mode CloudEvent the SDK reads, equal to the feed item of its id', () => {
    const byId = new Map(feed.map((event) => [event.id, event]));
    const kinds = new Set<string>();
    for (const message of messages) {
      expect(message.headers['content-type']).toBe('application/cloudevents+json; charset=UTF-8');
      const cloudEvent = CloudEventsKafka.toEvent({ key: message.key ?? undefined, value: message.value, headers: message.headers } as unknown as KafkaMessage<string>) as CloudEvent;
      expect(cloudEvent.validate()).toBe(true);
      const item = byId.get(cloudEvent.id);
      expect(item).toBeDefined();
      const { partitionkey, ...attributes } = cloudEvent.toJSON() as Record<string, unknown>;
      expect(partitionkey).toBe(item?.subject);
      expect(attributes).toEqual(item);
      kinds.add(cloudEvent.type);
    }
    expect([...kinds].every((type) => /^coalition\.[a-z-]+\.[a-z-]+\.v1$/.test(type))).toBe(true);
    expect(kinds.size).toBeGreaterThan(8);
  });

  it('serves an AsyncAPI document naming this deployment\'s broker and topics, with the same content type', async () => {
    const parsed = await parseAsyncApi(await (await fetch(`${stack.api.url}/asyncapi.yaml`)).text());
    expect(parsed.errors).toEqual([]);
    expect(parsed.servers.map((server) => server.host)).toEqual(testKafkaBrokers());
    const vote = parsed.messages.get('VoteCast');
    expect(vote?.channels).toEqual([physicalTopic(stack.topicPrefix, TOPICS.events)]);
    expect(vote?.contentType).toBe('application/cloudevents+json; charset=UTF-8');
  });
});
