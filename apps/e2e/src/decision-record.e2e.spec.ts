import { parseAsyncApi } from '@coalition/platform/testing';
import { draftCompact, expectStatus, inSeconds, ratify, readUntil, vote } from './compacts.fixture';
import { Caller, Stack } from './stack';

// The AsyncAPI reference parser and password hashing take seconds each on a busy machine.
jest.setTimeout(60_000);

interface ChainReference {
  eventId: string;
  position: number;
  hash: string;
  hashMatches: boolean;
  actor: { id: string; stateCode: string | null };
}
interface DecisionRecord {
  proposalId: string;
  compactId: string;
  status: string;
  electorate: { stateCode: string; weight: number }[];
  opened: ChainReference;
  votes: (ChainReference & { stateCode: string; choice: string; counted: boolean; castBy: string })[];
  outcome: (ChainReference & { outcome: string; tally: Record<string, unknown>; reason: string }) | null;
  recomputedTally: Record<string, unknown>;
  tallyConfirmed: boolean | null;
  compactEvents: (ChainReference & { type: string })[];
}
interface AuditItem {
  eventId: string;
  position: number;
  hash: string;
  type: string;
}

/** The auditors' decision record of a proposal, checked against the audit log and the hash chain. */
describe('decision records', () => {
  let stack: Stack;
  let auditor: Caller;
  let wa: Caller & { id: string }, or: Caller & { id: string }, ca: Caller & { id: string };
  let compactId: string;

  beforeAll(async () => {
    stack = await Stack.start();
    for (const code of ['WA', 'OR', 'CA']) await stack.registerState(code);
    [wa, or, ca] = await Promise.all(['WA', 'OR', 'CA'].map((code) => stack.coordinator(code)));
    auditor = await stack.auditor();
    ({ id: compactId } = await draftCompact(wa));
    for (const caller of [wa, or, ca]) expectStatus(await ratify(caller, compactId), 200);
  }, 180_000);

  afterAll(() => stack?.stop(), 30_000);

  const open = async (kind: string) => {
    const opened = expectStatus(await wa.post(`/compacts/${compactId}/proposals`, { kind, title: `A ${kind}`, text: 'Resolved, that...', closesAt: inSeconds(3600) }), 201);
    return String(opened.body.id);
  };

  it('ties the electorate, every vote and the outcome to the events that recorded them', async () => {
    const proposalId = await open('resolution');
    expectStatus(await vote(wa, proposalId, 'yes'), 200);
    expectStatus(await vote(or, proposalId, 'no'), 200);
    expectStatus(await vote(or, proposalId, 'yes'), 200); // Oregon changes its vote: both stay on record
    expectStatus(await vote(ca, proposalId, 'abstain'), 200); // everyone has voted: it closes
    await readUntil<{ status: string }>(auditor, `/proposals/${proposalId}`, (p) => p.status !== 'open');

    const answer = await auditor.get<DecisionRecord>(`/audit/decisions/${proposalId}`);
    expect(answer.status).toBe(200);
    const record = answer.body;
    expect(record).toMatchObject({ proposalId, compactId, status: 'passed', tallyConfirmed: true });
    // One state, one vote: the three ratified states, weight 1 each, frozen when it opened.
    expect([...record.electorate].sort((a, b) => a.stateCode.localeCompare(b.stateCode))).toEqual([
      { stateCode: 'CA', weight: 1 },
      { stateCode: 'OR', weight: 1 },
      { stateCode: 'WA', weight: 1 },
    ]);
    expect(record.votes.map((v) => [v.stateCode, v.choice, v.counted])).toEqual([
      ['WA', 'yes', true],
      ['OR', 'no', false],
      ['OR', 'yes', true],
      ['CA', 'abstain', true],
    ]);
    expect(record.votes.map((v) => v.actor.id)).toEqual([wa.id, or.id, or.id, ca.id]);
    expect(record.outcome).toMatchObject({ outcome: 'passed', reason: 'all-voted', tally: { yes: 2, no: 0, abstain: 1, quorumMet: true, thresholdMet: true } });
    expect(record.recomputedTally).toEqual(record.outcome?.tally);

    // Every reference is the audit log's own record of that event...
    const log = (await auditor.get<{ events: AuditItem[] }>(`/audit/events?streamId=proposal-${proposalId}`)).body.events;
    const references = [record.opened, ...record.votes, record.outcome as ChainReference];
    expect(references.map((r) => [r.eventId, r.position, r.hash])).toEqual(log.map((e) => [e.eventId, e.position, e.hash]));
    expect(log.map((e) => e.type)).toEqual(['ProposalOpened', 'VoteCast', 'VoteCast', 'VoteCast', 'VoteCast', 'ProposalClosed']);
    // ...and the chain passes through each of them.
    for (const reference of references) {
      expect(reference.hashMatches).toBe(true);
      expect((await auditor.get(`/audit/verify?position=${reference.position}&hash=${reference.hash}`)).body).toMatchObject({ ok: true });
    }
  });

  it('lists the compact events a passed outcome caused', async () => {
    const proposalId = await open('dissolution');
    for (const caller of [wa, or, ca]) expectStatus(await vote(caller, proposalId, 'yes'), 200);
    await readUntil<{ status: string }>(auditor, `/compacts/${compactId}`, (c) => c.status === 'dissolved');
    const record = (await auditor.get<DecisionRecord>(`/audit/decisions/${proposalId}`)).body;
    expect(record.status).toBe('passed');
    expect(record.compactEvents.map((e) => e.type)).toEqual(['CompactDissolved']);
    expect(record.compactEvents[0].position).toBeGreaterThan(record.outcome?.position ?? Infinity);
    expect(record.compactEvents[0].actor).toMatchObject({ id: 'system' });
  });

  it('is for auditors and admins only, and 404 for an unknown proposal', async () => {
    const someProposal = (await auditor.get<{ events: { data: { proposalId: string } }[] }>('/audit/events?type=ProposalOpened')).body.events[0].data.proposalId;
    expect((await stack.admin.get(`/audit/decisions/${someProposal}`)).status).toBe(200);
    for (const caller of [wa, ca]) expect((await caller.get(`/audit/decisions/${someProposal}`)).status).toBe(403);
    expect((await stack.anonymous.get(`/audit/decisions/${someProposal}`)).status).toBe(401);
    expect(await auditor.get('/audit/decisions/00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('publishes compact and proposal events as the AsyncAPI document describes them', async () => {
    const asyncApi = await parseAsyncApi(await (await fetch(`${stack.api.url}/asyncapi.yaml`)).text());
    const byType = new Map(
      [...asyncApi.messages.values()].map((m) => [(m.payload.allOf as { properties?: { type?: { const?: string } } }[] | undefined)?.[1]?.properties?.type?.const, m]),
    );
    const feed = (await auditor.get<{ events: { type: string }[] }>('/events?limit=1000')).body.events;
    const types = new Set(feed.map((e) => e.type));
    for (const type of ['coalition.compact.compact-drafted.v1', 'coalition.compact.compact-ratified.v1', 'coalition.proposal.vote-cast.v1', 'coalition.proposal.proposal-closed.v1', 'coalition.compact.compact-dissolved.v1']) {
      expect(types).toContain(type);
    }
    for (const envelope of feed) {
      const message = byType.get(envelope.type);
      expect([envelope.type, Boolean(message)]).toEqual([envelope.type, true]);
      const valid = message?.validate(envelope);
      expect([envelope.type, valid, message?.validate.errors ?? null]).toEqual([envelope.type, true, null]);
    }
  });
});
