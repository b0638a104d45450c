import { Kafka } from 'kafkajs';
import { eventually } from '@coalition/platform/testing';
import { createKafka, openDatabase, physicalTopic, TOPICS } from '@coalition/event-store';
import { json } from '../processes';
import { Caller, Stack } from '../stack';
import { CommandLoad, LoadReport } from './command-load';
import { describe as describeVerdict, FaultVerdict, judge } from './verdict';

export interface LoadedStack {
  compactId: string;
  /** Tokens of the WA and OR coordinators, both ratified. */
  tokens: string[];
  wa: Caller;
}

/** WA and OR, a coordinator each, and an active compact both ratified: what the command load pledges into. */
export async function activeCompact(stack: Stack): Promise<LoadedStack> {
  await stack.registerState('WA');
  await stack.registerState('OR');
  const tokens = [await coordinatorToken(stack, 'WA'), await coordinatorToken(stack, 'OR')];
  const [wa, or] = tokens.map((token) => stack.bearer(token));
  const drafted = await wa.post('/compacts', {
    title: 'Cascadia Fire Compact',
    purpose: 'Share engines during fire season',
    charter: { text: 'Article I. The party states render mutual aid.' },
    votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
    foundingStates: ['WA', 'OR'],
  });
  if (drafted.status !== 201) throw new Error(`drafting: ${drafted.status} ${JSON.stringify(drafted.body)}`);
  const compactId = String(drafted.body.id);
  for (const caller of [wa, or]) {
    const ratified = await caller.post(`/compacts/${compactId}/ratifications`, { kind: 'statute', reference: 'Act 1', enactedOn: '2026-01-15' });
    if (ratified.status !== 200) throw new Error(`ratifying: ${ratified.status} ${JSON.stringify(ratified.body)}`);
  }
  return { compactId, tokens, wa };
}

async function coordinatorToken(stack: Stack, state: string): Promise<string> {
  await stack.coordinator(state);
  return stack.login(`${state.toLowerCase()}.coordinator`);
}

export function commandLoad(stack: Stack, loaded: LoadedStack, tag: string, lanes = 4): CommandLoad {
  return new CommandLoad({ baseUrl: () => stack.api.url, tokens: loaded.tokens, compactId: loaded.compactId }, { tag, lanes, maxRetryWaitMs: 250, requestTimeoutMs: 20_000 });
}

export async function readiness(url: string): Promise<{ status: number; body: { details?: Record<string, Record<string, unknown>> } }> {
  const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: await json(response) };
}

/** Polls until a read at `position` answers 200 (the projections have it); answers when that was. */
export async function caughtUp(caller: Caller, compactId: string, position: number, timeoutMs = 30_000): Promise<number> {
  await eventually(async () => (await caller.get(`/compacts/${compactId}/resources?minPosition=${position}`)).status === 200, {
    timeoutMs,
    intervalMs: 100,
    what: `the read models to reach position ${position}`,
  });
  return Date.now();
}

/** The statuses answered from `from` on, in order, and the time of the first 201 among them. */
export function firstAcceptedAfter(load: LoadReport, from: number): number | undefined {
  return load.timeline.find(([at, status]) => at >= from && status === '201')?.[0];
}

/** Judges the stack after the load: through its api, its Kafka topics and its database. */
export async function judgeStack(stack: Stack, after: number, load: LoadReport, kafka: Kafka = stackKafka(stack)): Promise<{ verdict: FaultVerdict; lines: string[] }> {
  const db = await openDatabase({ url: stack.databaseUrl, poolSize: 2 });
  try {
    const topics = [TOPICS.events, TOPICS.legal].map((topic) => physicalTopic(stack.topicPrefix, topic));
    const verdict = await judge({ get: (path) => stack.admin.get(path), after, load, kafka: { client: kafka, topics }, db });
    return { verdict, lines: describeVerdict(load, verdict) };
  } finally {
    await db.close();
  }
}

export const stackKafka = (stack: Stack): Kafka =>
  createKafka({ brokers: stack.env.KAFKA_BROKERS.split(','), clientId: 'fault-check', partitions: 3, topicPrefix: stack.topicPrefix });
