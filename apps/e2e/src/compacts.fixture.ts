import { eventually } from '@coalition/platform/testing';
import { Answer, Caller } from './stack';

type Body = Record<string, unknown>;

export const VOTING_RULE = { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' } as const;

export const charter = (text = 'Article I. The party states agree to render mutual aid in wildfire emergencies.') => ({ text });

/** Fails the test with the answer when a command did not get the status it should. */
export function expectStatus<T>(answer: Answer<T>, status: number): Answer<T> {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer;
}

export async function draftCompact(caller: Caller, overrides: Body = {}): Promise<{ id: string; position: number }> {
  const answer = expectStatus(
    await caller.post('/compacts', {
      title: 'Western Wildfire Mutual Aid Compact',
      purpose: 'Share crews and engines during fire season',
      charter: charter(),
      votingRule: VOTING_RULE,
      foundingStates: ['WA', 'OR', 'CA'],
      ...overrides,
    }),
    201,
  );
  return { id: String(answer.body.id), position: Number(answer.body.position) };
}

export const ratify = (caller: Caller, compactId: string, reference = 'RCW 38.10.010', kind = 'statute') =>
  caller.post(`/compacts/${compactId}/ratifications`, { kind, reference, enactedOn: '2026-03-01' });

export const vote = (caller: Caller, proposalId: string, choice: 'yes' | 'no' | 'abstain') => caller.post(`/proposals/${proposalId}/votes`, { choice });

/** Reads until `accept` holds: for what the worker does by itself (outcomes, deadlines). */
export function readUntil<T = Body>(caller: Caller, path: string, accept: (body: T) => boolean, timeoutMs = 15_000): Promise<T> {
  return eventually(
    async () => {
      const answer = await caller.get<T>(path);
      return answer.status === 200 && accept(answer.body) ? answer.body : undefined;
    },
    { timeoutMs, intervalMs: 100, what: `${path} to change` },
  );
}

export const inSeconds = (seconds: number): string => new Date(Date.now() + seconds * 1_000).toISOString();
