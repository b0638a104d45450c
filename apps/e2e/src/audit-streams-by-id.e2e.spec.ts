import { draftCompact, expectStatus, inSeconds, ratify } from './compacts.fixture';
import { Caller, Stack } from './stack';

jest.setTimeout(60_000);

interface StreamPage {
  streamId: string;
  events: { streamId: string; version: number; type: string; position: number }[];
  nextAfter: number;
}

/**
 * An auditor holds the ids the API hands out, not stream ids: GET /audit/streams/{id} takes
 * either, and the stream it answers is the one the aggregate's own GET names in `streamId`.
 */
describe('GET /audit/streams/{id} by the ids the API hands out', () => {
  let stack: Stack;
  let auditor: Caller;
  let last = 0;
  /** Each kind of id, with the stream its aggregate's GET names and an event type that stream must hold. */
  const ids: { kind: string; id: string; streamId: string; holds: string }[] = [];

  const created = (answer: { status: number; body: Record<string, unknown> }) => {
    expectStatus(answer as never, 201);
    last = Math.max(last, Number(answer.body.position));
    return String(answer.body.id);
  };

  beforeAll(async () => {
    // The webhook is registered to a loopback port nothing listens on, for an event this test never causes.
    stack = await Stack.start({ env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    await stack.registerState('WA');
    last = await stack.registerState('OR');
    const [wa, or] = [await stack.coordinator('WA'), await stack.coordinator('OR')];
    const waCounsel = await stack.counsel('WA');
    auditor = await stack.auditor();

    const compactId = (await draftCompact(wa, { foundingStates: ['WA', 'OR'] })).id;
    expectStatus(await ratify(wa, compactId), 200);
    const active = expectStatus(await ratify(or, compactId, 'EO 26-04', 'executive-order'), 200);
    last = Number(active.body.position);
    await wa.get(`/compacts/${compactId}?minPosition=${last}`);
    const proposalId = created(await wa.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 'Stage engines', text: 'Resolved.', closesAt: inSeconds(3_600) }));
    const pledgeId = created(await wa.post(`/compacts/${compactId}/pledges`, { resourceType: 'water-tanker', unit: 'each', quantity: 10 }));
    const requestId = created(await or.post(`/compacts/${compactId}/requests`, { resourceType: 'water-tanker', unit: 'each', quantity: 4, justification: 'Wildfire' }));
    const offerId = created(await wa.post(`/requests/${requestId}/offers`, { pledgeId, quantity: 4 }));
    const legalActionId = created(
      await waCounsel.post('/legal-actions', { kind: 'amicus-brief', title: 'Brief', summary: 'In support', forum: '9th Cir.', signOnDeadline: inSeconds(86_400) }),
    );
    const webhookId = created(await wa.post('/webhooks', { url: 'http://127.0.0.1:9/never', eventTypes: ['CompactDissolved'], secret: 'a webhook secret 123' }));
    const key = await stack.issueApiKey('WA', ['read']);
    last = Math.max(last, key.position);
    const me = await waCounsel.get('/auth/me');

    const streamOf = async (path: string) => String((expectStatus(await stack.admin.get(`${path}?minPosition=${last}`), 200).body as { streamId: string }).streamId);
    const listed = async (path: string, id: string, field = 'id') => {
      const list = expectStatus(await stack.admin.get<Record<string, unknown>[]>(`${path}?minPosition=${last}`), 200).body;
      return String(list.find((item) => item[field] === id)?.streamId);
    };
    ids.push(
      { kind: 'compact', id: compactId, streamId: await streamOf(`/compacts/${compactId}`), holds: 'CompactDrafted' },
      { kind: 'proposal', id: proposalId, streamId: await streamOf(`/proposals/${proposalId}`), holds: 'ProposalOpened' },
      { kind: 'pledge', id: pledgeId, streamId: await streamOf(`/pledges/${pledgeId}`), holds: 'PledgeMade' },
      { kind: 'request', id: requestId, streamId: await streamOf(`/requests/${requestId}`), holds: 'RequestMade' },
      { kind: 'offer', id: offerId, streamId: await streamOf(`/offers/${offerId}`), holds: 'OfferMade' },
      { kind: 'legal action', id: legalActionId, streamId: await streamOf(`/legal-actions/${legalActionId}`), holds: 'LegalActionOpened' },
      { kind: 'webhook', id: webhookId, streamId: await streamOf(`/webhooks/${webhookId}`), holds: 'WebhookRegistered' },
      { kind: 'state code', id: 'WA', streamId: await listed('/states', 'WA', 'code'), holds: 'StateRegistered' },
      { kind: 'user', id: String(me.body.id), streamId: await listed('/users', String(me.body.id)), holds: 'UserRegistered' },
      { kind: 'key', id: key.id, streamId: await listed('/api-keys', key.id), holds: 'ApiKeyIssued' },
    );
  }, 180_000);

  afterAll(() => stack?.stop(), 30_000);

  it('knows a stream for every kind of id (the aggregates GETs name them)', () => {
    expect(ids.map((entry) => entry.kind)).toHaveLength(10);
    for (const entry of ids) expect(entry.streamId).toMatch(/^[a-z-]+-[A-Za-z0-9-]+$/);
  });

  it.each(['compact', 'proposal', 'pledge', 'request', 'offer', 'legal action', 'webhook', 'state code', 'user', 'key'])(
    'answers the history of a %s by its id, the same as by its stream id',
    async (kind) => {
      const entry = ids.find((candidate) => candidate.kind === kind);
      if (!entry) throw new Error(`no ${kind} was created`);
      const byId = await auditor.get<StreamPage>(`/audit/streams/${encodeURIComponent(entry.id)}`);
      expect(byId.status).toBe(200);
      expect(byId.body.streamId).toBe(entry.streamId);
      expect(byId.body.events.length).toBeGreaterThan(0);
      expect(new Set(byId.body.events.map((event) => event.streamId))).toEqual(new Set([entry.streamId]));
      expect(byId.body.events.map((event) => event.type)).toContain(entry.holds);
      const byStream = await auditor.get<StreamPage>(`/audit/streams/${encodeURIComponent(entry.streamId)}`);
      expect(byStream.body).toEqual(byId.body);
    },
  );

  it('takes a state code in lower case too, and answers 404 for an id nothing has', async () => {
    expect((await auditor.get<StreamPage>('/audit/streams/wa')).body.streamId).toBe('member-state-WA');
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'ZZ', 'compact-nothing']) {
      expect(await auditor.get(`/audit/streams/${unknown}`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    }
  });
});
