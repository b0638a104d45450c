import { createHash } from 'node:crypto';
import { charter, draftCompact, expectStatus, inSeconds, ratify, readUntil, vote } from './compacts.fixture';
import { Caller, Stack } from './stack';

interface Member {
  stateCode: string;
  status: string;
  ratification?: { kind: string; reference: string; enactedOn: string };
  effectiveAt?: string;
}
interface Compact {
  id: string;
  status: string;
  charter: { text: string; sha256: string; version: number };
  members: Member[];
  version: number;
}
const statuses = (compact: Compact) => Object.fromEntries(compact.members.map((m) => [m.stateCode, m.status]));

/**
 * A compact's life over HTTP against the api and worker processes: drafted by three states,
 * activated by two ratifications, a fourth state admitted by vote, ratifying, and withdrawing.
 */
describe('compacts and membership', () => {
  let stack: Stack;
  let wa: Caller, or: Caller, ca: Caller, id: Caller, nv: Caller, auditor: Caller;

  beforeAll(async () => {
    stack = await Stack.start();
    for (const [code, population] of [['WA', 7_812_880], ['OR', 4_240_137], ['CA', 39_029_342], ['ID', 1_964_726], ['NV', 3_194_176]] as const) {
      await stack.registerState(code, population);
    }
    [wa, or, ca, id, nv] = await Promise.all(['WA', 'OR', 'CA', 'ID', 'NV'].map((code) => stack.coordinator(code)));
    auditor = await stack.auditor();
  }, 180_000);

  afterAll(() => stack?.stop(), 30_000);

  it('goes from draft to active, admits a state by vote, which ratifies and then withdraws', async () => {
    const drafted = await draftCompact(wa, { withdrawalNoticeDays: 0 });
    const compactId = drafted.id;
    const draft = await wa.get<Compact>(`/compacts/${compactId}?minPosition=${drafted.position}`);
    expect(draft.body).toMatchObject({
      id: compactId,
      title: 'Western Wildfire Mutual Aid Compact',
      status: 'draft',
      charter: { text: charter().text, sha256: createHash('sha256').update(charter().text).digest('hex'), version: 1 },
      votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
      minRatifications: 2,
      withdrawalNoticeDays: 0,
      members: [{ stateCode: 'WA', status: 'admitted' }, { stateCode: 'OR', status: 'admitted' }, { stateCode: 'CA', status: 'admitted' }],
      version: 1,
    });

    // A draft admits no one and decides nothing.
    expect((await id.post(`/compacts/${compactId}/join-requests`, {})).body).toMatchObject({ code: 'COMPACT_NOT_ACTIVE' });
    expectStatus(await ratify(wa, compactId), 200);
    expect(await ratify(wa, compactId)).toMatchObject({ status: 409, body: { code: 'ALREADY_RATIFIED' } });
    expect(await ratify(id, compactId)).toMatchObject({ status: 409, body: { code: 'NOT_A_MEMBER' } });
    const activation = expectStatus(await ratify(or, compactId, 'Executive Order 26-01', 'executive-order'), 200);
    const active = await wa.get<Compact>(`/compacts/${compactId}?minPosition=${activation.body.position}`);
    expect(active.body.status).toBe('active');
    expect(active.body.members[1]).toEqual({ stateCode: 'OR', status: 'ratified', ratification: { kind: 'executive-order', reference: 'Executive Order 26-01', enactedOn: '2026-03-01' } });
    expect((await wa.get(`/compacts?minPosition=${activation.body.position}`)).body).toEqual(
      expect.arrayContaining([{ id: compactId, title: 'Western Wildfire Mutual Aid Compact', status: 'active', memberCount: 3, streamId: `compact-${compactId}` }]),
    );

    // Idaho asks to join: it is applied, and an admission proposal opens for the ratified states.
    const join = expectStatus(await id.post(`/compacts/${compactId}/join-requests`, {}, { 'Idempotency-Key': 'idaho-joins' }), 201);
    const proposalId = String(join.body.id);
    // A retried request with the same key gets the first answer and opens nothing new.
    expect(await id.post(`/compacts/${compactId}/join-requests`, {}, { 'Idempotency-Key': 'idaho-joins' })).toMatchObject({ status: 201, body: join.body });
    const admission = await id.get(`/proposals/${proposalId}?minPosition=${join.body.position}`);
    expect(admission.body).toMatchObject({
      compactId,
      kind: 'admission',
      status: 'open',
      electorate: [{ stateCode: 'WA', weight: 1 }, { stateCode: 'OR', weight: 1 }],
      votes: [],
    });
    const sevenDays = Date.parse(String(admission.body.closesAt)) - Date.now();
    expect(sevenDays).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(sevenDays).toBeLessThanOrEqual(7 * 86_400_000);
    expect(statuses((await wa.get<Compact>(`/compacts/${compactId}`)).body).ID).toBe('applied');
    expect(await id.post(`/compacts/${compactId}/join-requests`, {})).toMatchObject({ status: 409, body: { code: 'ALREADY_APPLIED' } });
    expect(await wa.post(`/compacts/${compactId}/join-requests`, {})).toMatchObject({ status: 409, body: { code: 'ALREADY_MEMBER' } });
    expect(await ca.post(`/proposals/${proposalId}/votes`, { choice: 'yes' })).toMatchObject({ status: 409, body: { code: 'NOT_IN_ELECTORATE' } });
    expect(await id.post(`/proposals/${proposalId}/close`, {})).toMatchObject({ status: 409, body: { code: 'PROPOSAL_STILL_OPEN' } });

    // Both ratified states vote yes: the proposal closes at once and the worker admits Idaho.
    expectStatus(await vote(wa, proposalId, 'yes'), 200);
    const last = expectStatus(await vote(or, proposalId, 'yes'), 200);
    const passed = await wa.get(`/proposals/${proposalId}?minPosition=${last.body.position}`);
    expect(passed.body).toMatchObject({ status: 'passed', tally: { yes: 2, no: 0, abstain: 0, participation: 1, quorumMet: true, thresholdMet: true } });
    expect(passed.body.closedAt).toEqual(expect.any(String));
    expect(await vote(wa, proposalId, 'no')).toMatchObject({ status: 409, body: { code: 'PROPOSAL_CLOSED' } });
    await readUntil<Compact>(wa, `/compacts/${compactId}`, (c) => statuses(c).ID === 'admitted');

    // Admitted, Idaho ratifies; until then it could not withdraw.
    expect(await id.post(`/compacts/${compactId}/withdrawals`, { reason: 'Changed course' })).toMatchObject({ status: 409, body: { code: 'NOT_RATIFIED' } });
    const idRatified = expectStatus(await ratify(id, compactId, 'Idaho Code 46-1001'), 200);
    expect(statuses((await wa.get<Compact>(`/compacts/${compactId}?minPosition=${idRatified.body.position}`)).body).ID).toBe('ratified');
    const beforeWithdrawal = new Date().toISOString();

    // With no notice period, the withdrawal takes effect at once.
    const withdrawal = expectStatus(await id.post(`/compacts/${compactId}/withdrawals`, { reason: 'The legislature repealed the enabling act' }), 200);
    const after = await wa.get<Compact>(`/compacts/${compactId}?minPosition=${withdrawal.body.position}`);
    const idaho = after.body.members.find((m) => m.stateCode === 'ID');
    expect(idaho).toMatchObject({ status: 'withdrawn', ratification: { kind: 'statute', reference: 'Idaho Code 46-1001' } });
    expect(Date.parse(String(idaho?.effectiveAt))).toBeLessThanOrEqual(Date.now());
    expect(await id.post(`/compacts/${compactId}/withdrawals`, { reason: 'again' })).toMatchObject({ status: 409, body: { code: 'NOT_A_MEMBER' } });

    // Time travel folds the event store: the compact as it stood before the withdrawal, and before it existed.
    const past = await auditor.get<Compact>(`/compacts/${compactId}?asOf=${beforeWithdrawal}`);
    expect(statuses(past.body)).toEqual({ WA: 'ratified', OR: 'ratified', CA: 'admitted', ID: 'ratified' });
    expect(past.body.version).toBeLessThan(after.body.version);
    const now = await auditor.get<Compact>(`/compacts/${compactId}?asOf=${new Date(Date.now() + 1_000).toISOString()}`);
    expect(now.body).toEqual(after.body);
    expect((await auditor.get(`/compacts/${compactId}?asOf=2000-01-01T00:00:00Z`)).status).toBe(404);
  }, 120_000);

  it('keeps a withdrawing state withdrawing until its notice has run', async () => {
    const { id: compactId } = await draftCompact(wa, { title: 'Pacific Health Alliance', withdrawalNoticeDays: 30, minRatifications: 2 });
    expectStatus(await ratify(wa, compactId), 200);
    expectStatus(await ratify(or, compactId), 200);
    const given = Date.now();
    const notice = expectStatus(await or.post(`/compacts/${compactId}/withdrawals`, { reason: 'Budget' }), 200);
    const compact = await wa.get<Compact>(`/compacts/${compactId}?minPosition=${notice.body.position}`);
    const oregon = compact.body.members.find((m) => m.stateCode === 'OR');
    expect(oregon?.status).toBe('withdrawing');
    const noticeDays = (Date.parse(String(oregon?.effectiveAt)) - given) / 86_400_000;
    expect(noticeDays).toBeGreaterThan(29.99);
    expect(noticeDays).toBeLessThan(30.01);
    expect(await or.post(`/compacts/${compactId}/withdrawals`, { reason: 'Budget' })).toMatchObject({ status: 409, body: { code: 'ALREADY_WITHDRAWING' } });
    // Withdrawing is not ratified: Oregon neither proposes nor sits in a new electorate.
    expect(await or.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 'x', text: 'y', closesAt: inSeconds(60) })).toMatchObject({
      status: 409,
      body: { code: 'NOT_RATIFIED' },
    });
  }, 60_000);

  it('lets a principal act only for its own state, with the role the route needs', async () => {
    const { id: compactId, position } = await draftCompact(wa);
    const ratification = { kind: 'statute', reference: 'x', enactedOn: '2026-01-01' };
    expect(await nv.post('/compacts', { title: 't', purpose: 'p', charter: charter(), votingRule: { method: 'one-state-one-vote', quorum: 0, threshold: 'unanimous' }, foundingStates: ['WA', 'OR'] })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(await stack.admin.post(`/compacts/${compactId}/ratifications`, ratification)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await auditor.post(`/compacts/${compactId}/ratifications`, ratification)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await stack.anonymous.post(`/compacts/${compactId}/ratifications`, ratification)).status).toBe(401);
    expect((await stack.anonymous.get('/compacts')).status).toBe(401);
    for (const caller of [stack.admin, auditor, nv]) expect((await caller.get(`/compacts/${compactId}?minPosition=${position}`)).status).toBe(200);
  }, 60_000);

  it('answers bad input with 400 and unknown compacts with 404, losing nothing', async () => {
    const { id: compactId, position } = await draftCompact(wa);
    const bad = await wa.post('/compacts', {
      title: '', purpose: 'p', charter: 'not an object', votingRule: { method: 'most-votes', quorum: 1.5, threshold: 'simple-majority' }, foundingStates: ['wa'], extra: true,
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(bad.type).toContain('application/problem+json');
    expect((bad.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['title', 'charter', 'votingRule.method', 'votingRule.quorum', 'foundingStates', 'extra']),
    );
    expect(await wa.post('/compacts', { title: 't', purpose: 'p', charter: charter(), votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' }, foundingStates: ['WA', 'ZZ'] })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(await wa.post('/compacts', '{"title": ')).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await ratify(wa, compactId, '')).toMatchObject({ status: 400 });
    expect((await wa.post(`/compacts/${compactId}/ratifications`, { kind: 'statute', reference: 'r', enactedOn: '03/01/2026' })).status).toBe(400);
    expect((await wa.post(`/compacts/${compactId}/withdrawals`, {})).status).toBe(400);
    expect((await wa.get(`/compacts/${compactId}?asOf=last-tuesday`)).status).toBe(400);
    expect((await wa.get('/compacts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await wa.get('/compacts/not-a-compact')).status).toBe(404);
    expect(await ratify(wa, '00000000-0000-4000-8000-000000000000')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    // None of it changed the compact.
    expect((await wa.get<Compact>(`/compacts/${compactId}?minPosition=${position}`)).body.version).toBe(1);
  }, 60_000);
});
