import { parseAsyncApi } from '@coalition/platform/testing';
import { ADMIN, Caller, Stack } from './stack';

// The AsyncAPI reference parser and password hashing take seconds each on a busy machine.
jest.setTimeout(60_000);

interface AuditItem {
  position: number;
  eventId: string;
  streamId: string;
  streamType: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: { actor: { id: string; kind: string; stateCode: string | null; roles: string[] }; commandId: string; correlationId: string; causationId: string };
  recordedAt: string;
  prevHash: string;
  hash: string;
  redactedFields?: string[];
}
interface AuditPage {
  events: AuditItem[];
  nextAfter: number;
}
interface FeedPage {
  events: { type: string; subject: string; position: number; data: Record<string, unknown>; actorstate: string | null }[];
  nextAfter: number;
}

/**
 * The audit API and the pull feed against the production shape (WEBHOOK_ALLOW_PRIVATE unset,
 * so private webhook addresses are refused): who may read what, filters and paging, chain
 * verification, streamed exports.
 */
describe('audit and the event feed', () => {
  let stack: Stack;
  let auditor: Caller & { id: string };
  let waCoordinator: Caller & { id: string };
  let caCoordinator: Caller & { id: string };
  let waCounsel: Caller & { id: string };
  let head: number;

  beforeAll(async () => {
    stack = await Stack.start();
    await stack.registerState('WA', 7_812_880);
    await stack.registerState('CA', 39_000_000);
    auditor = await stack.auditor();
    waCoordinator = await stack.coordinator('WA');
    caCoordinator = await stack.coordinator('CA');
    waCounsel = await stack.counsel('WA');
    const changed = await stack.admin.patch('/states/WA', { population: 7_900_000 });
    head = Number(changed.body.position);
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  it('lets only auditors and admins use the audit routes', async () => {
    const routes = ['/audit/events', '/audit/streams/member-state-WA', '/audit/verify', '/audit/export', '/audit/checkpoints'];
    const raw = async (username: string, route: string) =>
      (await fetch(`${stack.api.url}/api/v1${route}`, { headers: { authorization: `Bearer ${await stack.login(username, username === 'root.admin' ? ADMIN.password : undefined)}` } })).status;
    for (const route of routes) {
      expect([route, await raw('auditor', route)]).toEqual([route, 200]);
      expect([route, await raw('root.admin', route)]).toEqual([route, 200]);
      for (const caller of [waCoordinator, waCounsel]) {
        const denied = await caller.get(route);
        expect([route, denied.status, denied.body.code]).toEqual([route, 403, 'FORBIDDEN']);
      }
      expect([route, (await stack.anonymous.get(route)).status]).toEqual([route, 401]);
    }
  });

  it('lists every event with its metadata and chain fields, never a password hash', async () => {
    const page = await auditor.get<AuditPage>(`/audit/events?limit=1000&minPosition=${head}`);
    expect(page.status).toBe(200);
    expect(page.body.events.map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    expect(page.body.nextAfter).toBe(head);
    for (let i = 1; i < page.body.events.length; i++) expect(page.body.events[i].prevHash).toBe(page.body.events[i - 1].hash);
    const registered = page.body.events.find((e) => e.type === 'UserRegistered' && e.data.username === 'wa.coordinator');
    expect(registered).toMatchObject({
      streamType: 'user',
      version: 1,
      data: { username: 'wa.coordinator', roles: ['coordinator'], stateCode: 'WA' },
      metadata: { actor: { kind: 'user', roles: ['admin'], stateCode: null }, commandId: expect.any(String), correlationId: expect.any(String), causationId: expect.any(String) },
      redactedFields: ['passwordHash'],
    });
    expect(JSON.stringify(page.body)).not.toMatch(/scrypt/);
    expect(page.body.events.filter((e) => 'passwordHash' in e.data)).toEqual([]);
  });

  it('filters by stream, type, actor, state and time, and pages with nextAfter', async () => {
    const byType = await auditor.get<AuditPage>('/audit/events?type=StateRegistered');
    expect(byType.body.events.map((e) => e.data.code)).toEqual(['WA', 'CA']);
    const byStream = await auditor.get<AuditPage>('/audit/events?streamId=member-state-WA');
    expect(byStream.body.events.map((e) => e.type)).toEqual(['StateRegistered', 'PopulationChanged']);
    const adminId = byStream.body.events[0].metadata.actor.id;
    const byActor = await auditor.get<AuditPage>(`/audit/events?actorId=${adminId}&limit=1000`);
    expect(byActor.body.events.length).toBeGreaterThanOrEqual(6);
    expect(byActor.body.events.every((e) => e.metadata.actor.id === adminId)).toBe(true);
    // stateCode is the state the actor acted for: the admin acts for none.
    expect((await auditor.get<AuditPage>('/audit/events?stateCode=WA')).body.events).toEqual([]);

    const all = (await auditor.get<AuditPage>('/audit/events?limit=1000')).body.events;
    const middle = all[Math.floor(all.length / 2)].recordedAt;
    const from = (await auditor.get<AuditPage>(`/audit/events?from=${encodeURIComponent(middle)}&limit=1000`)).body.events;
    const to = (await auditor.get<AuditPage>(`/audit/events?to=${encodeURIComponent(middle)}&limit=1000`)).body.events;
    expect(from.every((e) => e.recordedAt >= middle) && to.every((e) => e.recordedAt <= middle)).toBe(true);
    expect(new Set([...from, ...to].map((e) => e.position)).size).toBe(all.length);

    const pages: number[][] = [];
    for (let after = 0; ; ) {
      const page = await auditor.get<AuditPage>(`/audit/events?after=${after}&limit=3`);
      if (page.body.events.length === 0) break;
      pages.push(page.body.events.map((e) => e.position));
      after = page.body.nextAfter;
    }
    expect(pages.flat()).toEqual(all.map((e) => e.position));
    expect(pages[0]).toHaveLength(3);
  });

  it('refuses bad filters with 400', async () => {
    for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'after=-1', 'stateCode=wa', 'from=yesterday', 'color=red']) {
      const answer = await auditor.get(`/audit/events?${query}`);
      expect([query, answer.status, answer.body.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
    expect((await auditor.get('/audit/export?format=xml')).status).toBe(400);
    expect((await auditor.get('/audit/verify?position=3')).status).toBe(400);
  });

  it('reads one stream, and 404 for an unknown one', async () => {
    const stream = await auditor.get<AuditPage>('/audit/streams/member-state-WA');
    expect(stream.body.events.map((e) => [e.version, e.type])).toEqual([[1, 'StateRegistered'], [2, 'PopulationChanged']]);
    const unknown = await auditor.get('/audit/streams/member-state-ZZ');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('verifies the chain, also against a checkpoint kept elsewhere', async () => {
    const all = (await auditor.get<AuditPage>('/audit/events?limit=1000')).body.events;
    const last = all[all.length - 1];
    const verified = await auditor.get('/audit/verify');
    expect(verified.body).toEqual({ ok: true, checkedEvents: all.length, headPosition: last.position, headHash: last.hash });
    const kept = all[3];
    expect((await auditor.get(`/audit/verify?position=${kept.position}&hash=${kept.hash}`)).body).toMatchObject({ ok: true });
    const wrong = await auditor.get(`/audit/verify?position=${kept.position}&hash=${'0'.repeat(64)}`);
    expect(wrong.body).toMatchObject({ ok: false, firstInvalidPosition: kept.position, reason: expect.stringMatching(/checkpoint/) });
  });

  it('exports NDJSON and CSV, filtered, as attachments', async () => {
    const headers = { authorization: `Bearer ${await stack.login('auditor')}` };
    const ndjson = await fetch(`${stack.api.url}/api/v1/audit/export?format=ndjson&type=UserRegistered`, { headers });
    expect(ndjson.status).toBe(200);
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson');
    expect(ndjson.headers.get('content-disposition')).toMatch(/^attachment; filename="coalition-audit-.*\.ndjson"$/);
    const lines = (await ndjson.text()).trim().split('\n').map((line) => JSON.parse(line) as AuditItem);
    expect(lines.map((e) => e.data.username)).toEqual(['root.admin', 'auditor', 'wa.coordinator', 'ca.coordinator', 'wa.counsel']);
    expect(lines.every((e) => !('passwordHash' in e.data))).toBe(true);

    const csv = await fetch(`${stack.api.url}/api/v1/audit/export?format=csv&streamId=member-state-WA`, { headers });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).trim().split('\n');
    expect(rows[0]).toBe('position,eventId,streamId,streamType,version,type,schemaVersion,recordedAt,actorId,actorKind,actorStateCode,actorRoles,commandId,correlationId,causationId,data,redactedFields,prevHash,hash');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('"{""code"":""WA"",""name"":""State WA"",""population"":7812880}"');
  });

  it('feeds each principal only what it may read', async () => {
    const feedOf = async (caller: Caller) => {
      const page = await caller.get<FeedPage>('/events?limit=1000');
      expect(page.status).toBe(200);
      return page.body.events;
    };
    const everything = await feedOf(stack.admin);
    expect(everything.map((e) => e.position)).toEqual(Array.from({ length: everything.length }, (_, i) => i + 1));
    expect((await feedOf(auditor)).length).toBe(everything.length);
    const types = (events: FeedPage['events']) => [...new Set(events.map((e) => e.type))].sort();
    expect(types(everything)).toEqual(['coalition.member-state.population-changed.v1', 'coalition.member-state.state-registered.v1', 'coalition.user.user-registered.v1']);
    // User accounts are for admins and auditors; member states for everyone.
    for (const caller of [waCoordinator, caCoordinator, waCounsel]) {
      expect(types(await feedOf(caller))).toEqual(['coalition.member-state.population-changed.v1', 'coalition.member-state.state-registered.v1']);
    }
    expect(JSON.stringify(everything)).not.toMatch(/passwordHash|scrypt/);
    expect((await stack.anonymous.get('/events')).status).toBe(401);

    // Legal actions for counsel, auditors, admins and legal:read keys; a state's API keys for its
    // coordinators and read keys; credentials never.
    const legal = await waCounsel.post('/legal-actions', {
      kind: 'amicus-brief', title: 'Brief', summary: 'Support', forum: 'Ninth Circuit', signOnDeadline: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(legal.status).toBe(201);
    const readKey = await waCoordinator.post('/api-keys', { name: 'wa feed', stateCode: 'WA', scopes: ['read'] });
    const legalKey = await stack.admin.post('/api-keys', { name: 'wa legal', stateCode: 'WA', scopes: ['legal:read'] });
    const caKey = await caCoordinator.post('/api-keys', { name: 'ca feed', stateCode: 'CA', scopes: ['read'] });
    expect([readKey.status, legalKey.status, caKey.status]).toEqual([201, 201, 201]);
    await auditor.get(`/audit/events?minPosition=${caKey.body.position}`);
    const kinds = (events: FeedPage['events']) => [...new Set(events.map((e) => e.type.split('.')[1]))].sort();
    expect(kinds(await feedOf(stack.admin))).toEqual(['api-key', 'legal-action', 'member-state', 'user']);
    expect(kinds(await feedOf(waCounsel))).toEqual(['legal-action', 'member-state']);
    expect(kinds(await feedOf(stack.apiKey(String(legalKey.body.key))))).toEqual(['legal-action', 'member-state']);
    expect(kinds(await feedOf(waCoordinator))).toEqual(['api-key', 'member-state']);
    const waKeyFeed = await feedOf(stack.apiKey(String(readKey.body.key)));
    expect(kinds(waKeyFeed)).toEqual(['api-key', 'member-state']);
    expect(waKeyFeed.filter((e) => e.type.startsWith('coalition.api-key.')).map((e) => e.data.stateCode)).toEqual(['WA', 'WA']);
    const adminFeed = await feedOf(stack.admin);
    expect(JSON.stringify(adminFeed)).not.toMatch(/keyHash|passwordHash|scrypt/);
    expect(JSON.stringify(adminFeed)).not.toContain(String(readKey.body.key));
    // Every envelope is what the AsyncAPI document says, legal and key events included.
    const asyncApi = await parseAsyncApi(await (await fetch(`${stack.api.url}/asyncapi.yaml`)).text());
    const byType = new Map([...asyncApi.messages.values()].map((m) => [(m.payload.allOf as { properties?: { type?: { const?: string } } }[] | undefined)?.[1]?.properties?.type?.const, m]));
    for (const envelope of adminFeed) {
      const message = byType.get(envelope.type);
      expect([envelope.type, message?.validate(envelope), message?.validate.errors ?? null]).toEqual([envelope.type, true, null]);
    }

    // Paging a narrow view still moves forward past what the caller may not read.
    const first = await waCoordinator.get<FeedPage>('/events?limit=1');
    const second = await waCoordinator.get<FeedPage>(`/events?limit=1&after=${first.body.nextAfter}`);
    expect(second.body.events[0].position).toBeGreaterThan(first.body.events[0].position);
  });

  it('refuses private and loopback webhook addresses in the production shape, and webhooks for other roles', async () => {
    const body = { eventTypes: ['*'], secret: 'a secret of sixteen+' };
    for (const url of ['http://127.0.0.1:9/hook', 'http://10.1.2.3/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest', 'http://192.168.0.10/hook']) {
      const refused = await waCoordinator.post('/webhooks', { ...body, url });
      expect([url, refused.status, refused.body.code]).toEqual([url, 400, 'WEBHOOK_ADDRESS_NOT_ALLOWED']);
      expect(refused.type).toContain('application/problem+json');
    }
    for (const [field, value] of [['url', 'ftp://127.0.0.1/x'], ['eventTypes', ['NoSuchEvent']], ['eventTypes', []], ['secret', 'short']] as const) {
      const bad = await waCoordinator.post('/webhooks', { url: 'http://127.0.0.1/x', ...body, [field]: value });
      expect([field, bad.status, bad.body.code]).toEqual([field, 400, 'VALIDATION_FAILED']);
    }
    for (const caller of [auditor, waCounsel]) expect((await caller.post('/webhooks', { ...body, url: 'http://127.0.0.1/x' })).status).toBe(403);
    expect((await stack.anonymous.post('/webhooks', { ...body, url: 'http://127.0.0.1/x' })).status).toBe(401);
    expect((await waCoordinator.get<unknown[]>('/webhooks')).body).toEqual([]);
  });

  it('serves the AsyncAPI document without credentials', async () => {
    const response = await fetch(`${stack.api.url}/asyncapi.yaml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/yaml');
    expect(await response.text()).toMatch(/^asyncapi: 3\.0\.0[\s\S]*coalition\.audit-checkpoints\.v1/);
  });
});
