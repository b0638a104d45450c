import { parseAsyncApi } from '@coalition/platform/testing';
import { Answer, Caller, Stack } from './stack';

// The AsyncAPI reference parser and password hashing take seconds each on a busy machine.
jest.setTimeout(60_000);

type Body = Record<string, unknown>;

/**
 * Resource sharing over real HTTP against the api and worker processes: the whole
 * pledge → request → offer → acceptance → receipt → reimbursement flow, the invariants under
 * concurrent offers and acceptances, and obligations that survive a state's withdrawal.
 */
describe('resource sharing', () => {
  let stack: Stack;
  let wa: Caller;
  let or: Caller;
  let ca: Caller;
  let nv: Caller;
  let tx: Caller;
  let caCounsel: Caller;
  let auditor: Caller;
  /** Active: WA, OR and CA ratified; NV only admitted. */
  let compactId: string;

  const created = async (answer: Promise<Answer>, what: string): Promise<{ id: string; version: number; position: number }> => {
    const { status, body } = await answer;
    if (status !== 201) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
    return body as { id: string; version: number; position: number };
  };
  const ok = async (answer: Promise<Answer>, what: string): Promise<{ id: string; version: number; position: number }> => {
    const { status, body } = await answer;
    if (status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
    return body as { id: string; version: number; position: number };
  };
  /** Reads once the read models have caught up with `position`. */
  const read = async <T = Body>(caller: Caller, path: string, position: number): Promise<T> => {
    const { status, body } = await caller.get<T>(`${path}?minPosition=${position}`);
    if (status !== 200) throw new Error(`GET ${path}: ${status} ${JSON.stringify(body)}`);
    return body;
  };

  async function activeCompact(founders: Record<string, Caller>, ratifying: string[]): Promise<string> {
    const [drafter] = Object.values(founders);
    const compact = await created(
      drafter.post('/compacts', {
        title: `Mutual aid ${Math.random().toString(36).slice(2, 8)}`,
        purpose: 'Share water tankers, generators and crews in emergencies',
        charter: { text: 'Article I. The party states render mutual aid in emergencies.' },
        votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
        foundingStates: Object.keys(founders),
        minRatifications: ratifying.length,
      }),
      'draft compact',
    );
    for (const code of ratifying) {
      await ok(founders[code].post(`/compacts/${compact.id}/ratifications`, { kind: 'statute', reference: `${code} 38.10`, enactedOn: '2026-01-15' }), `ratify ${code}`);
    }
    return compact.id;
  }

  const pledge = (caller: Caller, quantity: number, resourceType = 'water-tanker', unit = 'each', compact = compactId) =>
    caller.post(`/compacts/${compact}/pledges`, { resourceType, unit, quantity });
  const request = (caller: Caller, quantity: number, resourceType = 'water-tanker', unit = 'each', compact = compactId) =>
    caller.post(`/compacts/${compact}/requests`, { resourceType, unit, quantity, justification: 'Wildfire: municipal water down' });
  const offer = (caller: Caller, requestId: string, pledgeId: string, quantity: number, extra: Body = {}) =>
    caller.post(`/requests/${requestId}/offers`, { pledgeId, quantity, ...extra });

  beforeAll(async () => {
    stack = await Stack.start();
    for (const code of ['WA', 'OR', 'CA', 'NV', 'TX']) await stack.registerState(code);
    [wa, or, ca, nv, tx, caCounsel, auditor] = await Promise.all([
      stack.coordinator('WA'),
      stack.coordinator('OR'),
      stack.coordinator('CA'),
      stack.coordinator('NV'),
      stack.coordinator('TX'),
      stack.counsel('CA'),
      stack.auditor(),
    ]);
    compactId = await activeCompact({ WA: wa, OR: or, CA: ca, NV: nv }, ['WA', 'OR', 'CA']);
  }, 180_000);

  afterAll(() => stack?.stop(), 30_000);

  it('runs pledge → request → offer → acceptance → receipt → reimbursement, in exact decimals', async () => {
    const waPledge = await created(pledge(wa, 100), 'WA pledge');
    const caRequest = await created(request(ca, 40), 'CA request');
    const waOffer = await created(offer(wa, caRequest.id, waPledge.id, 25.5, { costEstimate: { amount: 18_500.1, currency: 'USD' }, terms: 'Crews included' }), 'WA offer');

    let seen = await read(wa, `/pledges/${waPledge.id}`, waOffer.position);
    expect(seen).toMatchObject({ id: waPledge.id, compactId, stateCode: 'WA', resourceType: 'water-tanker', unit: 'each', quantity: 100, reserved: 25.5, remaining: 74.5, status: 'open' });

    const accepted = await ok(ca.post(`/offers/${waOffer.id}/accept`, {}), 'accept');
    expect(accepted).toMatchObject({ id: waOffer.id, version: expect.any(Number), position: expect.any(Number) });

    // A second offer, declined, and a third, withdrawn: both give their reservation back.
    const orPledge = await created(pledge(or, 10), 'OR pledge');
    const declined = await created(offer(or, caRequest.id, orPledge.id, 10), 'OR offer');
    const afterDecline = await ok(ca.post(`/offers/${declined.id}/decline`, { reason: 'Sourced within the state' }), 'decline');
    seen = await read(or, `/pledges/${orPledge.id}`, afterDecline.position);
    expect(seen).toMatchObject({ reserved: 0, remaining: 10 });
    const withdrawn = await created(offer(or, caRequest.id, orPledge.id, 4.25), 'OR offer 2');
    const afterWithdraw = await ok(or.post(`/offers/${withdrawn.id}/withdraw`, {}), 'withdraw offer');

    const detail = await read(ca, `/requests/${caRequest.id}`, afterWithdraw.position);
    expect(detail).toEqual({
      id: caRequest.id, compactId, stateCode: 'CA', resourceType: 'water-tanker', unit: 'each',
      quantity: 40, accepted: 25.5, outstanding: 14.5, status: 'open',
      justification: 'Wildfire: municipal water down', createdAt: expect.any(String),
      streamId: `resource-pool-${compactId}-water-tanker`,
      offers: [
        { id: waOffer.id, pledgeId: waPledge.id, stateCode: 'WA', quantity: 25.5, status: 'accepted', costEstimate: { amount: 18_500.1, currency: 'USD' } },
        { id: declined.id, pledgeId: orPledge.id, stateCode: 'OR', quantity: 10, status: 'declined' },
        { id: withdrawn.id, pledgeId: orPledge.id, stateCode: 'OR', quantity: 4.25, status: 'withdrawn' },
      ],
    });

    // Receipt and reimbursement: categories must add up to the cent, arithmetic in cents.
    await ok(ca.post(`/offers/${waOffer.id}/receipt`, {}), 'receipt');
    const mismatch = await wa.post(`/offers/${waOffer.id}/reimbursements`, { amount: 100, currency: 'USD', categories: { personnel: 99.99 } });
    expect(mismatch).toMatchObject({ status: 400, body: { code: 'CATEGORIES_DO_NOT_SUM' } });
    expect(mismatch.type).toContain('application/problem+json');
    const claim = await created(
      wa.post(`/offers/${waOffer.id}/reimbursements`, { amount: 18_500.3, currency: 'USD', categories: { personnel: 18_500.1, travel: 0.1, other: 0.1 } }),
      'claim',
    );
    expect((await ca.post(`/reimbursements/${claim.id}/pay`, {})).body).toMatchObject({ code: 'REIMBURSEMENT_NOT_APPROVED' });
    expect((await wa.post(`/reimbursements/${claim.id}/approve`, {})).status).toBe(403);
    await ok(ca.post(`/reimbursements/${claim.id}/approve`, {}), 'approve');
    const paid = await ok(ca.post(`/reimbursements/${claim.id}/pay`, {}), 'pay');

    const offerView = await read(wa, `/offers/${waOffer.id}`, paid.position);
    expect(offerView).toMatchObject({
      id: waOffer.id, requestId: caRequest.id, pledgeId: waPledge.id, stateCode: 'WA', requestingState: 'CA', quantity: 25.5, status: 'received',
      costEstimate: { amount: 18_500.1, currency: 'USD' }, terms: 'Crews included',
      reimbursements: [
        { id: claim.id, stateCode: 'WA', payerState: 'CA', amount: 18_500.3, currency: 'USD', categories: { personnel: 18_500.1, travel: 0.1, other: 0.1 }, status: 'paid' },
      ],
    });

    // Withdrawing the pledge takes back only what no offer holds.
    const pledgeWithdrawn = await ok(wa.post(`/pledges/${waPledge.id}/withdraw`, {}), 'withdraw pledge');
    expect(await read(wa, `/pledges/${waPledge.id}`, pledgeWithdrawn.position)).toMatchObject({ quantity: 100, reserved: 25.5, remaining: 0, withdrawn: 74.5, status: 'withdrawn' });
    expect((await offer(wa, caRequest.id, waPledge.id, 1)).body).toMatchObject({ code: 'INSUFFICIENT_PLEDGE' });

    // Cancelling declines the open offers (releasing them) and keeps the accepted one.
    const open = await created(offer(or, caRequest.id, orPledge.id, 3), 'open offer');
    const cancelled = await ok(ca.post(`/requests/${caRequest.id}/cancel`, {}), 'cancel');
    const afterCancel = await read(ca, `/requests/${caRequest.id}`, cancelled.position);
    expect(afterCancel).toMatchObject({ status: 'cancelled', accepted: 25.5, outstanding: 0 });
    expect((afterCancel.offers as Body[]).find((o) => o.id === open.id)).toMatchObject({ status: 'declined' });
    expect(await read(or, `/pledges/${orPledge.id}`, cancelled.position)).toMatchObject({ reserved: 0, remaining: 10 });
    expect((await offer(or, caRequest.id, orPledge.id, 1)).body).toMatchObject({ code: 'REQUEST_CLOSED' });
  });

  it('answers each rule with its code', async () => {
    const waTankers = await created(pledge(wa, 50), 'WA tankers');
    const waGenerators = await created(pledge(wa, 5, 'generator'), 'WA generators');
    const waLitres = await created(pledge(wa, 5000, 'water-tanker', 'litre'), 'WA litres');
    const caTankers = await created(pledge(ca, 20), 'CA tankers');
    const caRequest = await created(request(ca, 30), 'CA request');

    const expectCode = async (answer: Promise<Answer>, status: number, code: string) => {
      const { status: got, body, type } = await answer;
      expect({ got, code: body.code }).toEqual({ got: status, code });
      expect(type).toContain('application/problem+json');
    };
    await expectCode(offer(wa, caRequest.id, waTankers.id, 50.01), 409, 'INSUFFICIENT_PLEDGE');
    await expectCode(offer(wa, caRequest.id, waGenerators.id, 1), 409, 'RESOURCE_MISMATCH');
    await expectCode(offer(wa, caRequest.id, waLitres.id, 1), 409, 'RESOURCE_MISMATCH');
    await expectCode(offer(ca, caRequest.id, caTankers.id, 1), 409, 'SELF_FULFILMENT');
    await expectCode(offer(or, caRequest.id, waTankers.id, 1), 403, 'FORBIDDEN');
    const waOffer = await created(offer(wa, caRequest.id, waTankers.id, 30), 'WA offer');
    await expectCode(wa.post(`/offers/${waOffer.id}/accept`, {}), 403, 'FORBIDDEN');
    await expectCode(ca.post(`/offers/${waOffer.id}/withdraw`, {}), 403, 'FORBIDDEN');
    await expectCode(ca.post(`/offers/${waOffer.id}/receipt`, {}), 409, 'OFFER_NOT_ACCEPTED');
    await ok(ca.post(`/offers/${waOffer.id}/accept`, {}), 'accept');
    await expectCode(ca.post(`/offers/${waOffer.id}/decline`, {}), 409, 'OFFER_NOT_OPEN');
    await expectCode(offer(wa, caRequest.id, waTankers.id, 1), 409, 'REQUEST_CLOSED');

    // Membership: an admitted state has not ratified, an outside state is no member.
    await expectCode(pledge(nv, 10), 409, 'NOT_RATIFIED');
    await expectCode(pledge(tx, 10), 409, 'NOT_A_MEMBER');
    await expectCode(caCounsel.post(`/compacts/${compactId}/pledges`, { resourceType: 'water-tanker', unit: 'each', quantity: 1 }), 403, 'FORBIDDEN');
    await expectCode(stack.admin.post(`/compacts/${compactId}/pledges`, { resourceType: 'water-tanker', unit: 'each', quantity: 1 }), 403, 'FORBIDDEN');

    // Validation: at most two decimals, positive, known fields, slugs; unknown ids are 404.
    await expectCode(pledge(wa, 1.005), 400, 'VALIDATION_FAILED');
    await expectCode(pledge(wa, 0), 400, 'VALIDATION_FAILED');
    await expectCode(pledge(wa, -3), 400, 'VALIDATION_FAILED');
    await expectCode(wa.post(`/compacts/${compactId}/pledges`, { resourceType: 'Water Tanker', unit: 'each', quantity: 1 }), 400, 'VALIDATION_FAILED');
    await expectCode(wa.post(`/compacts/${compactId}/pledges`, { resourceType: 'water-tanker', unit: 'each', quantity: '12' }), 400, 'VALIDATION_FAILED');
    await expectCode(wa.post(`/compacts/${compactId}/pledges`, { resourceType: 'water-tanker', unit: 'each', quantity: 1, colour: 'red' }), 400, 'VALIDATION_FAILED');
    await expectCode(ca.post(`/offers/${waOffer.id}/accept`, { extra: true }), 400, 'VALIDATION_FAILED');
    await expectCode(offer(wa, caRequest.id, waTankers.id, 1, { costEstimate: { amount: 10, currency: 'EUR' } }), 400, 'VALIDATION_FAILED');
    await expectCode(pledge(wa, 1, 'water-tanker', 'each', '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    await expectCode(wa.get('/pledges/00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    await expectCode(wa.post('/offers/not-an-id/accept', {}), 404, 'NOT_FOUND');
    await expectCode(offer(wa, caRequest.id, '00000000-0000-4000-8000-000000000000', 1), 404, 'NOT_FOUND');
  });

  it('replays an offer sent again with its Idempotency-Key, reserving once', async () => {
    const waPledge = await created(pledge(wa, 10, 'pump'), 'WA pumps');
    const caRequest = await created(request(ca, 10, 'pump'), 'CA pumps');
    const headers = { 'Idempotency-Key': 'pump-offer-1' };
    const first = await wa.post(`/requests/${caRequest.id}/offers`, { pledgeId: waPledge.id, quantity: 6 }, headers);
    const again = await wa.post(`/requests/${caRequest.id}/offers`, { pledgeId: waPledge.id, quantity: 6 }, headers);
    expect(first.status).toBe(201);
    expect(again).toEqual(first);
    expect(await read(wa, `/pledges/${waPledge.id}`, Number(first.body.position))).toMatchObject({ reserved: 6, remaining: 4 });
    expect(await read(ca, `/offers/${first.body.id}`, Number(first.body.position))).toMatchObject({ quantity: 6, status: 'offered' });
  });

  it('shows the pools and the per-state ledger to member states, auditors and admins only', async () => {
    const compact = await activeCompact({ OR: or, WA: wa, CA: ca }, ['OR', 'WA', 'CA']);
    const waCrews = await created(pledge(wa, 12.5, 'engine-crew', 'crew', compact), 'WA crews');
    const orCrews = await created(pledge(or, 7.25, 'engine-crew', 'crew', compact), 'OR crews');
    const caAsk = await created(request(ca, 15, 'engine-crew', 'crew', compact), 'CA asks');
    const fromWa = await created(offer(wa, caAsk.id, waCrews.id, 10.5), 'WA offers');
    const fromOr = await created(offer(or, caAsk.id, orCrews.id, 2.25), 'OR offers');
    await ok(ca.post(`/offers/${fromWa.id}/accept`, {}), 'accept WA');
    const last = await ok(ca.post(`/offers/${fromOr.id}/accept`, {}), 'accept OR');
    await created(request(wa, 3, 'generator', 'each', compact), 'WA asks');
    const end = await created(pledge(ca, 0.5, 'generator', 'each', compact), 'CA generators');

    const view = await read(ca, `/compacts/${compact}/resources`, Math.max(last.position, end.position));
    expect(view).toEqual({
      pools: [
        { resourceType: 'engine-crew', unit: 'crew', pledged: 19.75, reserved: 12.75, available: 7, requested: 15, accepted: 12.75, outstanding: 2.25 },
        { resourceType: 'generator', unit: 'each', pledged: 0.5, reserved: 0, available: 0.5, requested: 3, accepted: 0, outstanding: 3 },
      ],
      states: [
        { stateCode: 'CA', resourceType: 'engine-crew', unit: 'crew', pledged: 0, given: 0, received: 12.75 },
        { stateCode: 'CA', resourceType: 'generator', unit: 'each', pledged: 0.5, given: 0, received: 0 },
        { stateCode: 'OR', resourceType: 'engine-crew', unit: 'crew', pledged: 7.25, given: 2.25, received: 0 },
        { stateCode: 'WA', resourceType: 'engine-crew', unit: 'crew', pledged: 12.5, given: 10.5, received: 0 },
        { stateCode: 'WA', resourceType: 'generator', unit: 'each', pledged: 0, given: 0, received: 0 },
      ],
    });
    for (const reader of [wa, caCounsel, auditor, stack.admin]) expect((await reader.get(`/compacts/${compact}/resources`)).status).toBe(200);
    for (const outsider of [tx, nv]) {
      expect((await outsider.get(`/compacts/${compact}/resources`)).status).toBe(403);
      expect((await outsider.get(`/pledges/${waCrews.id}`)).status).toBe(403);
      expect((await outsider.get(`/offers/${fromWa.id}`)).status).toBe(403);
      expect((await outsider.get(`/requests/${caAsk.id}`)).status).toBe(403);
    }
    expect((await stack.anonymous.get(`/pledges/${waCrews.id}`)).status).toBe(401);
  });

  it('keeps a withdrawn state to its accepted offers and reimbursements, and takes no new commitments from it', async () => {
    const compact = await activeCompact({ OR: or, WA: wa, CA: ca }, ['OR', 'WA', 'CA']);
    const waPledge = await created(pledge(wa, 10, 'generator', 'each', compact), 'WA pledge');
    const caRequest = await created(request(ca, 10, 'generator', 'each', compact), 'CA request');
    const agreed = await created(offer(wa, caRequest.id, waPledge.id, 4), 'agreed offer');
    const pending = await created(offer(wa, caRequest.id, waPledge.id, 3), 'pending offer');
    await ok(ca.post(`/offers/${agreed.id}/accept`, {}), 'accept');
    await ok(wa.post(`/compacts/${compact}/withdrawals`, { reason: 'Legislature repealed the enabling statute' }), 'withdraw WA');

    expect((await pledge(wa, 1, 'generator', 'each', compact)).body).toMatchObject({ code: 'NOT_A_MEMBER' });
    expect((await request(wa, 1, 'generator', 'each', compact)).body).toMatchObject({ code: 'NOT_A_MEMBER' });
    expect((await offer(wa, caRequest.id, waPledge.id, 1)).body).toMatchObject({ code: 'NOT_A_MEMBER' });
    expect((await ca.post(`/offers/${pending.id}/accept`, {})).body).toMatchObject({ code: 'NOT_A_MEMBER' });

    await ok(ca.post(`/offers/${agreed.id}/receipt`, {}), 'receipt after withdrawal');
    const claim = await created(wa.post(`/offers/${agreed.id}/reimbursements`, { amount: 2_000, currency: 'USD', categories: { equipment: 2_000 } }), 'claim after withdrawal');
    await ok(ca.post(`/reimbursements/${claim.id}/approve`, {}), 'approve');
    const paid = await ok(ca.post(`/reimbursements/${claim.id}/pay`, {}), 'pay');
    await ok(wa.post(`/offers/${pending.id}/withdraw`, {}), 'a withdrawn state may still release');
    expect(await read(wa, `/offers/${agreed.id}`, paid.position)).toMatchObject({ status: 'received', reimbursements: [{ amount: 2_000, status: 'paid' }] });
  });

  it('lets a resources:write key act exactly as its state’s coordinator, a read key only read, and neither act for another state', async () => {
    const waWrite = (await stack.issueApiKey('WA', ['resources:write'])).caller;
    const waRead = (await stack.issueApiKey('WA', ['read'])).caller;
    const expectForbidden = async (answer: Promise<Answer>, what: string) => {
      const { status, body, type } = await answer;
      expect({ what, status, code: body.code }).toEqual({ what, status: 403, code: 'FORBIDDEN' });
      expect(type).toContain('application/problem+json');
    };

    // The key files a request, a pledge and an offer for WA, and accepts an offer on WA's request.
    const keyRequest = await created(request(waWrite, 8, 'chainsaw-crew', 'crew'), 'request by the WA key');
    const keyPledge = await created(pledge(waWrite, 6, 'chainsaw-crew', 'crew'), 'pledge by the WA key');
    const caRequest = await created(request(ca, 5, 'chainsaw-crew', 'crew'), 'CA request');
    const keyOffer = await created(offer(waWrite, caRequest.id, keyPledge.id, 5), 'offer by the WA key');
    const orPledge = await created(pledge(or, 20, 'chainsaw-crew', 'crew'), 'OR pledge');
    const orOffer = await created(offer(or, keyRequest.id, orPledge.id, 8), 'OR offer');
    const accepted = await ok(waWrite.post(`/offers/${orOffer.id}/accept`, {}), 'accept by the WA key');
    // The same rules meet it as they meet the coordinator.
    expect((await offer(waWrite, caRequest.id, keyPledge.id, 2)).body).toMatchObject({ code: 'INSUFFICIENT_PLEDGE' });
    expect((await offer(waWrite, keyRequest.id, keyPledge.id, 1)).body).toMatchObject({ code: 'SELF_FULFILMENT' });
    const secondRequest = await created(request(waWrite, 2, 'chainsaw-crew', 'crew'), 'second request by the WA key');

    // What the key did is WA's doing: the read key and WA's coordinator see it, and the coordinator carries it on.
    expect(await read(waRead, `/requests/${keyRequest.id}`, accepted.position)).toMatchObject({
      stateCode: 'WA', quantity: 8, accepted: 8, outstanding: 0, status: 'fulfilled',
      offers: [{ id: orOffer.id, pledgeId: orPledge.id, stateCode: 'OR', quantity: 8, status: 'accepted' }],
    });
    expect(await read(waRead, `/pledges/${keyPledge.id}`, accepted.position)).toMatchObject({ stateCode: 'WA', quantity: 6, reserved: 5, remaining: 1, status: 'open' });
    expect(await read(waRead, `/offers/${keyOffer.id}`, accepted.position)).toMatchObject({ stateCode: 'WA', requestingState: 'CA', status: 'offered' });
    expect((await wa.get(`/requests/${keyRequest.id}`)).status).toBe(200);
    await ok(wa.post(`/offers/${orOffer.id}/receipt`, {}), 'WA’s coordinator confirms receipt of what its key accepted');

    // A read key writes nothing, on requests that would otherwise succeed.
    const orOpen = await created(offer(or, secondRequest.id, orPledge.id, 2), 'open OR offer on WA’s second request');
    await expectForbidden(pledge(waRead, 1, 'chainsaw-crew', 'crew'), 'pledge by the read key');
    await expectForbidden(request(waRead, 1, 'chainsaw-crew', 'crew'), 'request by the read key');
    await expectForbidden(offer(waRead, caRequest.id, keyPledge.id, 1), 'offer by the read key');
    await expectForbidden(waRead.post(`/offers/${orOpen.id}/accept`, {}), 'accept by the read key');
    await expectForbidden(waRead.post(`/offers/${keyOffer.id}/withdraw`, {}), 'withdrawal by the read key');
    await expectForbidden(waRead.post(`/requests/${secondRequest.id}/cancel`, {}), 'cancel by the read key');

    // The write key acts for WA only: another state's side of an exchange is not its to act on.
    await expectForbidden(waWrite.post(`/offers/${keyOffer.id}/accept`, {}), 'the WA key accepting on CA’s behalf');
    await expectForbidden(waWrite.post(`/offers/${orOpen.id}/withdraw`, {}), 'the WA key withdrawing OR’s offer');
    await expectForbidden(waWrite.post(`/pledges/${orPledge.id}/withdraw`, {}), 'the WA key withdrawing OR’s pledge');
    await expectForbidden(offer(waWrite, caRequest.id, orPledge.id, 1), 'the WA key offering from OR’s pledge');
    await expectForbidden(waWrite.post(`/requests/${caRequest.id}/cancel`, {}), 'the WA key cancelling CA’s request');
    // ...and within resource sharing only: membership is the coordinator's.
    await expectForbidden(waWrite.post(`/compacts/${compactId}/withdrawals`, { reason: 'Not the key’s to decide' }), 'the WA key withdrawing WA from the compact');

    // Nothing the refusals touched moved: the open offer still waits for WA, which declines it through the key.
    const declined = await ok(waWrite.post(`/offers/${orOpen.id}/decline`, { reason: 'Sourced within the state' }), 'decline by the WA key');
    expect(await read(or, `/pledges/${orPledge.id}`, declined.position)).toMatchObject({ quantity: 20, reserved: 8, remaining: 12, status: 'open' });
    expect(await read(ca, `/requests/${caRequest.id}`, declined.position)).toMatchObject({ status: 'open', offers: [{ id: keyOffer.id, status: 'offered' }] });
  });

  it('reserves a pledge of 100 exactly once under 40 concurrent offers of 10', async () => {
    const orPledge = await created(pledge(or, 100, 'ambulance'), 'OR ambulances');
    const caRequest = await created(request(ca, 1_000, 'ambulance'), 'CA ambulances');
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 40 }, () => offer(or, caRequest.id, orPledge.id, 10)));
    const elapsed = Date.now() - started;
    const outcome = answers.map((a) => (a.status === 201 ? '201' : `${a.status} ${a.body.code}`));
    expect(outcome.filter((o) => o === '201')).toHaveLength(10);
    expect(outcome.filter((o) => o === '409 INSUFFICIENT_PLEDGE')).toHaveLength(30);
    const last = Math.max(...answers.filter((a) => a.status === 201).map((a) => Number(a.body.position)));
    expect(await read(or, `/pledges/${orPledge.id}`, last)).toMatchObject({ quantity: 100, reserved: 100, remaining: 0 });
    const detail = await read(ca, `/requests/${caRequest.id}`, last);
    expect((detail.offers as Body[]).filter((o) => o.status === 'offered')).toHaveLength(10);
    console.info(`40 concurrent offers against a pledge of 100: ${elapsed} ms`);
  });

  it('accepts offers only up to the request’s quantity under 20 concurrent acceptances', async () => {
    const waPledge = await created(pledge(wa, 200, 'sandbag-pallet'), 'WA pallets');
    const caRequest = await created(request(ca, 50, 'sandbag-pallet'), 'CA pallets');
    const offers: string[] = [];
    for (let i = 0; i < 20; i++) offers.push((await created(offer(wa, caRequest.id, waPledge.id, 10), `offer ${i}`)).id);
    const started = Date.now();
    const answers = await Promise.all(offers.map((id) => ca.post(`/offers/${id}/accept`, {})));
    const elapsed = Date.now() - started;
    const outcome = answers.map((a) => (a.status === 200 ? '200' : `${a.status} ${a.body.code}`));
    expect(outcome.filter((o) => o === '200')).toHaveLength(5);
    expect(outcome.filter((o) => o === '409 EXCEEDS_REQUEST')).toHaveLength(15);
    const last = Math.max(...answers.filter((a) => a.status === 200).map((a) => Number(a.body.position)));
    const detail = await read(ca, `/requests/${caRequest.id}`, last);
    expect(detail).toMatchObject({ quantity: 50, accepted: 50, outstanding: 0, status: 'fulfilled' });
    expect((detail.offers as Body[]).filter((o) => o.status === 'accepted')).toHaveLength(5);
    console.info(`20 concurrent acceptances against a request of 50: ${elapsed} ms`);
  });
  it("feeds a compact's resource-sharing events to its member states' principals only, each as the AsyncAPI document describes", async () => {
    const compact = await activeCompact({ WA: wa, CA: ca, OR: or }, ['WA', 'CA', 'OR']);
    const waPledge = await created(pledge(wa, 10, 'generator', 'each', compact), 'WA pledge');
    const caRequest = await created(request(ca, 6, 'generator', 'each', compact), 'CA request');
    const agreed = await created(offer(wa, caRequest.id, waPledge.id, 3, { costEstimate: { amount: 1_234.56, currency: 'USD' } }), 'agreed offer');
    await ok(ca.post(`/offers/${agreed.id}/accept`, {}), 'accept');
    await ok(ca.post(`/offers/${agreed.id}/receipt`, {}), 'receipt');
    const claim = await created(
      wa.post(`/offers/${agreed.id}/reimbursements`, { amount: 1_234.56, currency: 'USD', categories: { equipment: 1_000, travel: 234.56 } }),
      'claim',
    );
    await ok(ca.post(`/reimbursements/${claim.id}/approve`, {}), 'approve');
    await ok(ca.post(`/reimbursements/${claim.id}/pay`, {}), 'pay');
    const declined = await created(offer(wa, caRequest.id, waPledge.id, 1), 'offer to decline');
    await ok(ca.post(`/offers/${declined.id}/decline`, { reason: 'Sourced within the state' }), 'decline');
    const withdrawn = await created(offer(wa, caRequest.id, waPledge.id, 1), 'offer to withdraw');
    await ok(wa.post(`/offers/${withdrawn.id}/withdraw`, {}), 'withdraw offer');
    const cancelled = await created(request(ca, 2, 'generator', 'each', compact), 'request to cancel');
    await ok(ca.post(`/requests/${cancelled.id}/cancel`, {}), 'cancel');
    const last = await ok(wa.post(`/pledges/${waPledge.id}/withdraw`, {}), 'withdraw pledge');

    type FeedEvent = { type: string; position: number; data: Body };
    /** The caller's whole feed from just before the first pledge to `last`, this compact's resource events only. */
    const resourceFeedOf = async (caller: Caller): Promise<FeedEvent[]> => {
      const events: FeedEvent[] = [];
      let after = waPledge.position - 1;
      while (after < last.position) {
        const { status, body: page } = await caller.get<{ events: FeedEvent[]; nextAfter: number }>(`/events?limit=1000&after=${after}&minPosition=${last.position}`);
        expect(status).toBe(200);
        events.push(...page.events);
        if (page.nextAfter === after) break;
        after = page.nextAfter;
      }
      return events.filter((e) => e.type.startsWith('coalition.resource-pool.') && e.data.compactId === compact);
    };
    const [waRead, waLegal] = await Promise.all([stack.issueApiKey('WA', ['read']), stack.issueApiKey('WA', ['legal:read'])]);
    const path = (events: FeedEvent[]) => events.map((e) => e.type.replace(/^coalition\.resource-pool\.(.*)\.v1$/, '$1'));

    const everything = await resourceFeedOf(stack.admin);
    expect(path(everything)).toEqual([
      'pledge-made', 'request-made', 'offer-made', 'offer-accepted', 'offer-received', 'reimbursement-claimed', 'reimbursement-approved',
      'reimbursement-paid', 'offer-made', 'offer-declined', 'offer-made', 'offer-withdrawn', 'request-made', 'request-cancelled', 'pledge-withdrawn',
    ]);
    expect(everything.find((e) => e.type.endsWith('.reimbursement-claimed.v1'))?.data).toMatchObject({
      amountCents: 123_456, currency: 'USD', categoriesCents: { equipment: 100_000, travel: 23_456 },
    });
    // Any principal of a member state reads them, whichever state acted; an outsider and a legal:read-only key do not.
    for (const [who, caller] of [['WA coordinator', wa], ['CA coordinator', ca], ['CA counsel', caCounsel], ['WA read key', waRead.caller], ['auditor', auditor]] as const) {
      expect([who, path(await resourceFeedOf(caller))]).toEqual([who, path(everything)]);
    }
    for (const [who, caller] of [['TX coordinator', tx], ['NV coordinator', nv], ['WA legal:read key', waLegal.caller]] as const) {
      expect([who, await resourceFeedOf(caller)]).toEqual([who, []]);
    }

    const asyncApi = await parseAsyncApi(await (await fetch(`${stack.api.url}/asyncapi.yaml`)).text());
    const byType = new Map([...asyncApi.messages.values()].map((m) => [(m.payload.allOf as { properties?: { type?: { const?: string } } }[] | undefined)?.[1]?.properties?.type?.const, m]));
    for (const envelope of everything) {
      const message = byType.get(envelope.type);
      expect([envelope.type, message?.validate(envelope), message?.validate.errors ?? null]).toEqual([envelope.type, true, null]);
    }
  });
});
