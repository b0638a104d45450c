import { randomBytes } from 'node:crypto';
import { Caller, callerFor } from '../../apps/e2e/src/stack';

export interface ChaosTarget {
  admin: Caller;
  compactId: string;
  /** Coordinators of the two ratified states, for the load. */
  tokens: string[];
  reader: Caller;
}

async function loginAt(api: string, username: string, password: string): Promise<string> {
  const answer = await callerFor(api, {}).post('/auth/login', { username, password });
  if (answer.status !== 200) throw new Error(`login as ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return String(answer.body.accessToken);
}

/**
 * What the load needs, made through the api: two states (registered once, kept for later
 * runs), a coordinator of each made for this run, and an active compact of this run's own.
 */
export async function prepare(api: string, username: string, password: string): Promise<ChaosTarget> {
  const admin = callerFor(api, { authorization: `Bearer ${await loginAt(api, username, password)}` });
  const run = randomBytes(4).toString('hex');
  const tokens: string[] = [];
  for (const code of ['QA', 'QB']) {
    const state = await admin.post('/states', { code, name: `Chaos test state ${code}`, population: 1_000_000 });
    if (state.status !== 201 && state.body.code !== 'DUPLICATE') throw new Error(`registering ${code}: ${state.status} ${JSON.stringify(state.body)}`);
    const user = `chaos-${run}-${code.toLowerCase()}`;
    const secret = randomBytes(18).toString('base64url');
    const created = await admin.post('/users', { username: user, password: secret, displayName: `Chaos ${code}`, roles: ['coordinator'], stateCode: code });
    if (created.status !== 201) throw new Error(`registering ${user}: ${created.status} ${JSON.stringify(created.body)}`);
    tokens.push(await loginAt(api, user, secret));
  }
  const [first, second] = tokens.map((token) => callerFor(api, { authorization: `Bearer ${token}` }));
  const compact = await first.post('/compacts', {
    title: `Chaos run ${run}`,
    purpose: 'Load for npm run chaos',
    charter: { text: 'Article I. The party states share fire engines.' },
    votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
    foundingStates: ['QA', 'QB'],
  });
  if (compact.status !== 201) throw new Error(`drafting the compact: ${compact.status} ${JSON.stringify(compact.body)}`);
  const compactId = String(compact.body.id);
  for (const caller of [first, second]) {
    const ratified = await caller.post(`/compacts/${compactId}/ratifications`, { kind: 'statute', reference: `Chaos ${run}`, enactedOn: '2026-01-01' });
    if (ratified.status !== 200) throw new Error(`ratifying: ${ratified.status} ${JSON.stringify(ratified.body)}`);
  }
  return { admin, compactId, tokens, reader: first };
}
