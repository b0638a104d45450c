import { createHash } from 'node:crypto';
import { draftCompact, expectStatus, inSeconds, ratify, readUntil, vote } from './compacts.fixture';
import { Caller, Stack } from './stack';

interface Proposal {
  id: string;
  kind: string;
  status: string;
  closesAt: string;
  closedAt?: string;
  electorate: { stateCode: string; weight: number }[];
  votes: { stateCode: string; choice: string; castAt: string; castBy: string }[];
  tally: { yes: number; no: number; abstain: number; participation: number; quorumMet: boolean; thresholdMet: boolean };
}
interface Compact {
  status: string;
  charter: { text: string; sha256: string; version: number };
  votingRule: { method: string; quorum: number; threshold: string };
}

const POPULATIONS = { CA: 39_029_342, TX: 30_029_572, WA: 7_812_880, OR: 4_240_137 } as const;

/**
 * The compact's decisions over HTTP, with the worker closing proposals at closesAt and
 * applying what passed: a population-weighted vote, an amendment, a dissolution.
 */
describe('proposals', () => {
  let stack: Stack;
  let ca: Caller, tx: Caller, wa: Caller, or: Caller;
  let compactId: string;

  beforeAll(async () => {
    stack = await Stack.start();
    for (const [code, population] of Object.entries(POPULATIONS)) await stack.registerState(code, population);
    [ca, tx, wa, or] = await Promise.all(['CA', 'TX', 'WA', 'OR'].map((code) => stack.coordinator(code)));
    ({ id: compactId } = await draftCompact(wa, {
      title: 'Interstate Water Compact',
      foundingStates: ['CA', 'TX', 'WA', 'OR'],
      minRatifications: 3,
      votingRule: { method: 'population-weighted', quorum: 0.5, threshold: 'two-thirds' },
    }));
    for (const caller of [ca, tx, wa]) expectStatus(await ratify(caller, compactId), 200);
  }, 180_000);

  afterAll(() => stack?.stop(), 30_000);

  it('fails a population-weighted two-thirds vote that two of three states carried', async () => {
    const opened = expectStatus(
      await wa.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 'Joint drought reserve', text: 'Resolved, that...', closesAt: inSeconds(3600) }),
      201,
    );
    const proposalId = String(opened.body.id);
    const proposal = await wa.get<Proposal>(`/proposals/${proposalId}?minPosition=${opened.body.position}`);
    // Frozen at opening: the ratified states, weighed by population; Oregon only admitted.
    expect(proposal.body.electorate).toEqual([
      { stateCode: 'CA', weight: POPULATIONS.CA },
      { stateCode: 'TX', weight: POPULATIONS.TX },
      { stateCode: 'WA', weight: POPULATIONS.WA },
    ]);
    expect(await vote(or, proposalId, 'yes')).toMatchObject({ status: 409, body: { code: 'NOT_IN_ELECTORATE' } });
    expect(await wa.post(`/proposals/${proposalId}/close`, {})).toMatchObject({ status: 409, body: { code: 'PROPOSAL_STILL_OPEN' } });

    expectStatus(await vote(ca, proposalId, 'no'), 200);
    expectStatus(await vote(wa, proposalId, 'yes'), 200);
    expectStatus(await vote(ca, proposalId, 'yes'), 200); // California changes its mind
    const last = expectStatus(await vote(tx, proposalId, 'no'), 200); // everyone has voted: it closes

    const closed = await wa.get<Proposal>(`/proposals/${proposalId}?minPosition=${last.body.position}`);
    const yes = POPULATIONS.CA + POPULATIONS.WA;
    const no = POPULATIONS.TX;
    expect(3 * yes < 2 * (yes + no)).toBe(true); // 61 % of the weight: short of two thirds, though 2 of 3 states
    expect(closed.body).toMatchObject({
      status: 'failed',
      tally: { yes, no, abstain: 0, participation: 1, quorumMet: true, thresholdMet: false },
    });
    // Every vote is kept; the tally used each state's latest.
    expect(closed.body.votes.map((v) => `${v.stateCode}:${v.choice}`)).toEqual(['CA:no', 'WA:yes', 'CA:yes', 'TX:no']);
    expect(closed.body.votes[0]).toMatchObject({ castAt: expect.any(String), castBy: expect.any(String) });
    expect(await vote(wa, proposalId, 'no')).toMatchObject({ status: 409, body: { code: 'PROPOSAL_CLOSED' } });
    expect(await stack.admin.post(`/proposals/${proposalId}/close`, {})).toMatchObject({ status: 409, body: { code: 'PROPOSAL_CLOSED' } });
  }, 60_000);

  it('closes by itself at closesAt, within seconds, for the votes cast by then', async () => {
    const opened = expectStatus(
      await ca.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 'Shared gauges', text: 'Resolved.', closesAt: inSeconds(4) }),
      201,
    );
    const proposalId = String(opened.body.id);
    expect(await or.post(`/proposals/${proposalId}/close`, {})).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expectStatus(await vote(ca, proposalId, 'yes'), 200);
    const closed = await readUntil<Proposal>(ca, `/proposals/${proposalId}`, (p) => p.status !== 'open', 15_000);
    const lateness = Date.parse(String(closed.closedAt)) - Date.parse(closed.closesAt);
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(5_000);
    // California alone is 51 % of the weight: quorum met, and no one voted against.
    expect(closed).toMatchObject({ status: 'passed', tally: { yes: POPULATIONS.CA, no: 0, quorumMet: true, thresholdMet: true } });
    expect(await vote(wa, proposalId, 'yes')).toMatchObject({ status: 409, body: { code: 'PROPOSAL_CLOSED' } });
  }, 60_000);

  it('amends the charter and the voting rule when an amendment passes', async () => {
    const text = 'Article I (as amended). The party states share surface water data daily.';
    const opened = expectStatus(
      await wa.post(`/compacts/${compactId}/proposals`, {
        kind: 'amendment',
        title: 'Daily data',
        text: 'Amend Article I and decide by simple majority',
        closesAt: inSeconds(3600),
        amendment: { charterText: text, votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' } },
      }),
      201,
    );
    const proposalId = String(opened.body.id);
    const before = new Date().toISOString();
    for (const caller of [ca, tx]) expectStatus(await vote(caller, proposalId, 'yes'), 200);
    expectStatus(await vote(wa, proposalId, 'abstain'), 200);

    const amended = await readUntil<Compact>(wa, `/compacts/${compactId}`, (c) => c.charter.version === 2);
    expect(amended.charter).toEqual({ text, sha256: createHash('sha256').update(text).digest('hex'), version: 2 });
    expect(amended.votingRule).toEqual({ method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' });
    expect((await wa.get<Compact>(`/compacts/${compactId}?asOf=${before}`)).body.charter.version).toBe(1);

    // An amendment must change something, and only an amendment carries one.
    expect((await wa.post(`/compacts/${compactId}/proposals`, { kind: 'amendment', title: 't', text: 't', closesAt: inSeconds(60), amendment: {} })).status).toBe(400);
    expect((await wa.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 't', text: 't', closesAt: inSeconds(60), amendment: { charterText: 'x' } })).status).toBe(400);
    expect((await wa.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 't', text: 't', closesAt: '2020-01-01T00:00:00Z' })).status).toBe(400);
    expect((await wa.post(`/compacts/${compactId}/proposals`, { kind: 'admission', title: 't', text: 't', closesAt: inSeconds(60) })).status).toBe(400);
  }, 60_000);

  it('dissolves the compact when a dissolution passes, after which it decides nothing', async () => {
    const pending = expectStatus(await tx.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 'Left open', text: 'r', closesAt: inSeconds(3600) }), 201);
    const opened = expectStatus(await ca.post(`/compacts/${compactId}/proposals`, { kind: 'dissolution', title: 'Wind up', text: 'Dissolve the compact', closesAt: inSeconds(3600) }), 201);
    const proposalId = String(opened.body.id);
    for (const caller of [ca, tx, wa]) expectStatus(await vote(caller, proposalId, 'yes'), 200);
    await readUntil<Compact>(wa, `/compacts/${compactId}`, (c) => c.status === 'dissolved');

    expect(await or.post(`/compacts/${compactId}/join-requests`, {})).toMatchObject({ status: 409, body: { code: 'COMPACT_NOT_ACTIVE' } });
    expect(await ca.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 't', text: 't', closesAt: inSeconds(60) })).toMatchObject({
      status: 409,
      body: { code: 'COMPACT_NOT_ACTIVE' },
    });
    expect(await vote(wa, String(pending.body.id), 'yes')).toMatchObject({ status: 409, body: { code: 'COMPACT_NOT_ACTIVE' } });
    expect(await ratify(or, compactId)).toMatchObject({ status: 409, body: { code: 'COMPACT_DISSOLVED' } });

    const list = await wa.get<Proposal[]>(`/compacts/${compactId}/proposals`);
    expect(list.body.map((p) => p.kind)).toEqual(['dissolution', 'resolution', 'amendment', 'resolution', 'resolution']);
    expect(list.body[0]).toMatchObject({ id: proposalId, status: 'passed' });
  }, 60_000);

  it('answers unknown proposals 404 and bad votes 400', async () => {
    expect((await wa.get('/proposals/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await vote(wa, '00000000-0000-4000-8000-000000000000', 'yes')).status).toBe(404);
    expect((await wa.get('/compacts/00000000-0000-4000-8000-000000000000/proposals')).status).toBe(404);
    expect((await wa.post('/proposals/00000000-0000-4000-8000-000000000000/votes', { choice: 'maybe' })).status).toBe(400);
  }, 30_000);
});
