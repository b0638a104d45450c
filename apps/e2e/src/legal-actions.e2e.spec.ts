import { randomUUID } from 'node:crypto';
import { Answer, Caller, Stack } from './stack';

interface Signatory {
  stateCode: string;
  signedAt: string;
  signedBy: string;
}
interface LegalAction {
  id: string;
  status: string;
  leadState: string;
  signatories: Signatory[];
  signatoriesAtDeadline?: Signatory[];
  filing?: Record<string, unknown>;
  developments: Record<string, unknown>[];
  outcome?: string;
}

const DAY = 86_400_000;
const sha = (c: string) => c.repeat(64);
const codesOf = (signatories: Signatory[] | undefined) => signatories?.map((s) => s.stateCode);

/**
 * Joint legal responses over HTTP against the production shape: counsel open, sign, withdraw,
 * file, record developments and close; everything is invisible to coordinators.
 */
describe('joint legal responses', () => {
  let stack: Stack;
  let ca: Caller & { id: string };
  let ny: Caller & { id: string };
  let tx: Caller & { id: string };
  let waCoordinator: Caller;
  let caCoordinator: Caller;
  let auditor: Caller;

  beforeAll(async () => {
    stack = await Stack.start();
    for (const code of ['CA', 'NY', 'TX', 'WA']) await stack.registerState(code);
    [ca, ny, tx] = [await stack.counsel('CA'), await stack.counsel('NY'), await stack.counsel('TX')];
    waCoordinator = await stack.coordinator('WA');
    caCoordinator = await stack.coordinator('CA');
    auditor = await stack.auditor();
  }, 120_000);

  afterAll(() => stack?.stop(), 30_000);

  const open = (caller: Caller, overrides: Record<string, unknown> = {}) =>
    caller.post('/legal-actions', {
      kind: 'lawsuit',
      title: 'State of California et al. v. Agency',
      summary: 'Challenge to the final rule under the APA',
      forum: 'U.S. District Court, N.D. Cal.',
      signOnDeadline: new Date(Date.now() + DAY).toISOString(),
      ...overrides,
    });

  const read = async (caller: Caller, id: string, after: Answer): Promise<LegalAction> => {
    const answer = await caller.get<LegalAction>(`/legal-actions/${id}?minPosition=${after.body.position}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  const expectProblem = (answer: Answer, status: number, code: string) => {
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    expect(answer.type).toContain('application/problem+json');
  };

  const filing = { filedOn: '2026-03-02', docketNumber: '3:26-cv-00042', documentSha256: sha('b'), documentUri: 'https://ecf.example.gov/doc/42' };

  it('runs the whole life of an action: open, sign, withdraw, file, record a development, close', async () => {
    const compactId = randomUUID();
    const opened = await open(ca, { compactId });
    expect(opened).toMatchObject({ status: 201, body: { version: 2 } });
    const id = String(opened.body.id);

    expect(await ny.post(`/legal-actions/${id}/signatories`, {})).toMatchObject({ status: 200, body: { id, version: 3 } });
    expect((await tx.post(`/legal-actions/${id}/signatories`, {})).status).toBe(200);
    const withdrawn = await tx.delete(`/legal-actions/${id}/signatories/TX`);
    expect(withdrawn).toMatchObject({ status: 200, body: { id, version: 5 } });

    const beforeFiling = await read(ca, id, withdrawn);
    expect(beforeFiling).toMatchObject({ id, status: 'open', leadState: 'CA', kind: 'lawsuit', compactId, developments: [] });
    expect(codesOf(beforeFiling.signatories)).toEqual(['CA', 'NY']);
    expect(beforeFiling.signatories[1].signedBy).toBe(ny.id);

    const filed = await ca.post(`/legal-actions/${id}/filings`, { ...filing, documentSha256: sha('A') });
    expect(filed).toMatchObject({ status: 200, body: { id, version: 6 } });
    const afterFiling = await read(ny, id, filed);
    expect(afterFiling.status).toBe('filed');
    expect(afterFiling.filing).toMatchObject({ filedOn: '2026-03-02', docketNumber: '3:26-cv-00042', documentSha256: sha('a'), documentUri: filing.documentUri, filedBy: ca.id });
    expect(codesOf(afterFiling.signatories)).toEqual(['CA', 'NY']);

    const development = await ny.post(`/legal-actions/${id}/developments`, { kind: 'injunction', occurredOn: '2026-04-10', summary: 'Preliminary injunction granted' });
    expect(development).toMatchObject({ status: 200, body: { id, version: 7 } });
    expect((await read(auditor, id, development)).developments).toEqual([
      expect.objectContaining({ kind: 'injunction', occurredOn: '2026-04-10', summary: 'Preliminary injunction granted', stateCode: 'NY', recordedBy: ny.id }),
    ]);

    const closed = await ca.post(`/legal-actions/${id}/close`, { outcome: 'won', summary: 'Rule vacated' });
    expect(closed).toMatchObject({ status: 200, body: { id, version: 8 } });
    expect(await read(stack.admin, id, closed)).toMatchObject({ status: 'closed', outcome: 'won', outcomeSummary: 'Rule vacated' });

    // A closed action accepts nothing more.
    expectProblem(await ny.post(`/legal-actions/${id}/developments`, { kind: 'appeal', occurredOn: '2026-05-01', summary: 'Appeal noticed' }), 409, 'ACTION_CLOSED');
    expectProblem(await ca.post(`/legal-actions/${id}/close`, { outcome: 'lost', summary: 'again' }), 409, 'ACTION_CLOSED');

    // Counsel of every state, the auditor and the admin read every action.
    for (const reader of [tx, auditor, stack.admin]) {
      const list = await reader.get<LegalAction[]>(`/legal-actions?minPosition=${closed.body.position}`);
      expect(list.status).toBe(200);
      expect(list.body.map((a) => a.id)).toContain(id);
    }
  });

  it('judges the sign-on deadline at the moment of the command and keeps the list as of the deadline', async () => {
    const deadline = new Date(Date.now() + 4_000);
    const opened = await open(ca, { kind: 'amicus-brief', signOnDeadline: deadline.toISOString() });
    expect(opened.status).toBe(201);
    const id = String(opened.body.id);
    expect((await ny.post(`/legal-actions/${id}/signatories`, {})).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline.getTime() - Date.now()) + 100));
    expectProblem(await tx.post(`/legal-actions/${id}/signatories`, {}), 409, 'DEADLINE_PASSED');
    // Withdrawing stays possible until filing; the list as of the deadline does not change.
    const withdrawn = await ny.delete(`/legal-actions/${id}/signatories/NY`);
    expect(withdrawn.status).toBe(200);

    let view = await read(ca, id, withdrawn);
    for (const until = Date.now() + 15_000; !view.signatoriesAtDeadline && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      view = (await ca.get<LegalAction>(`/legal-actions/${id}`)).body;
    }
    expect(codesOf(view.signatoriesAtDeadline)).toEqual(['CA', 'NY']);
    expect(codesOf(view.signatories)).toEqual(['CA']);

    expectProblem(await open(ca, { signOnDeadline: new Date(Date.now() - 1_000).toISOString() }), 400, 'VALIDATION_FAILED');
  }, 60_000);

  it('lets only the lead file and close, and freezes the signatories once filed', async () => {
    const opened = await open(ca);
    const id = String(opened.body.id);
    expect((await ny.post(`/legal-actions/${id}/signatories`, {})).status).toBe(200);
    expectProblem(await ny.post(`/legal-actions/${id}/signatories`, {}), 409, 'ALREADY_SIGNED');
    expectProblem(await ca.delete(`/legal-actions/${id}/signatories/CA`), 409, 'LEAD_CANNOT_WITHDRAW');
    expectProblem(await tx.delete(`/legal-actions/${id}/signatories/NY`), 403, 'FORBIDDEN');
    expectProblem(await tx.delete(`/legal-actions/${id}/signatories/TX`), 409, 'NOT_A_SIGNATORY');
    expectProblem(await ny.post(`/legal-actions/${id}/developments`, { kind: 'order', occurredOn: '2026-03-01', summary: 'Scheduling order' }), 409, 'ACTION_NOT_FILED');

    expectProblem(await ny.post(`/legal-actions/${id}/filings`, filing), 403, 'FORBIDDEN');
    expectProblem(await ny.post(`/legal-actions/${id}/close`, { outcome: 'withdrawn', summary: 'No' }), 403, 'FORBIDDEN');
    const filed = await ca.post(`/legal-actions/${id}/filings`, filing);
    expect(filed.status).toBe(200);
    expectProblem(await ca.post(`/legal-actions/${id}/filings`, filing), 409, 'ACTION_FILED');

    expectProblem(await tx.post(`/legal-actions/${id}/signatories`, {}), 409, 'ACTION_FILED');
    expectProblem(await ny.delete(`/legal-actions/${id}/signatories/NY`), 409, 'ACTION_FILED');
    expectProblem(await tx.post(`/legal-actions/${id}/developments`, { kind: 'order', occurredOn: '2026-03-01', summary: 'Not ours' }), 403, 'FORBIDDEN');
    expect(codesOf((await read(ca, id, filed)).signatories)).toEqual(['CA', 'NY']);
  });

  it('shows a coordinator none of it: 403 on every legal route, whatever the state', async () => {
    const opened = await open(ca);
    const id = String(opened.body.id);
    const development = { kind: 'order', occurredOn: '2026-03-01', summary: 'x' };
    for (const coordinator of [waCoordinator, caCoordinator]) {
      const answers = [
        await coordinator.get(`/legal-actions?minPosition=${opened.body.position}`),
        await coordinator.get(`/legal-actions/${id}`),
        await open(coordinator),
        await coordinator.post(`/legal-actions/${id}/signatories`, {}),
        await coordinator.delete(`/legal-actions/${id}/signatories/CA`),
        await coordinator.post(`/legal-actions/${id}/filings`, filing),
        await coordinator.post(`/legal-actions/${id}/developments`, development),
        await coordinator.post(`/legal-actions/${id}/close`, { outcome: 'withdrawn', summary: 'x' }),
      ];
      for (const answer of answers) expectProblem(answer, 403, 'FORBIDDEN');
    }
    // Admin and auditor read but never write.
    for (const reader of [stack.admin, auditor]) {
      expectProblem(await open(reader), 403, 'FORBIDDEN');
      expectProblem(await reader.post(`/legal-actions/${id}/signatories`, {}), 403, 'FORBIDDEN');
    }
    expectProblem(await stack.anonymous.get('/legal-actions'), 401, 'UNAUTHENTICATED');
    expectProblem(await stack.anonymous.post(`/legal-actions/${id}/signatories`, {}), 401, 'UNAUTHENTICATED');
    // Nothing the coordinators tried was written.
    expect(await read(ca, id, opened)).toMatchObject({ status: 'open', developments: [] });
    expect(codesOf((await read(ca, id, opened)).signatories)).toEqual(['CA']);
  });

  it('answers bad input with problem+json 4xx', async () => {
    const id = String((await open(ca)).body.id);
    expectProblem(await ca.post(`/legal-actions/${id}/filings`, { ...filing, documentSha256: 'abc' }), 400, 'VALIDATION_FAILED');
    expectProblem(await ca.post(`/legal-actions/${id}/filings`, { ...filing, documentSha256: sha('g') }), 400, 'VALIDATION_FAILED');
    expectProblem(await ca.post(`/legal-actions/${id}/filings`, { ...filing, filedOn: '2026-02-30' }), 400, 'VALIDATION_FAILED');
    expectProblem(await ca.post(`/legal-actions/${id}/filings`, { ...filing, documentUri: 'javascript:alert(1)' }), 400, 'VALIDATION_FAILED');
    expectProblem(await ny.post(`/legal-actions/${id}/signatories`, { stateCode: 'CA' }), 400, 'VALIDATION_FAILED');
    expectProblem(await open(ca, { kind: 'referendum' }), 400, 'VALIDATION_FAILED');
    expectProblem(await open(ca, { signOnDeadline: '2026-03-01' }), 400, 'VALIDATION_FAILED');
    expectProblem(await open(ca, { title: '   ' }), 400, 'VALIDATION_FAILED');
    expectProblem(await open(ca, { leadState: 'NY' }), 400, 'VALIDATION_FAILED');
    expectProblem(await ca.get('/legal-actions/not-a-uuid'), 404, 'NOT_FOUND');
    expectProblem(await ca.get(`/legal-actions/${randomUUID()}`), 404, 'NOT_FOUND');
    expectProblem(await ny.post(`/legal-actions/${randomUUID()}/signatories`, {}), 404, 'NOT_FOUND');
    expectProblem(await ny.delete(`/legal-actions/${id}/signatories/ny`), 404, 'NOT_FOUND');
  });
});
