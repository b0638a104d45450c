import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, RunningApp, startApp } from './processes';
import { ADMIN, callerFor, Caller, PASSWORD } from './stack';

interface LegalAction {
  status: string;
  signatories: { stateCode: string }[];
  signatoriesAtDeadline?: { stateCode: string }[];
}

/**
 * The embedded default carries legal actions too: their events reach the projection over the
 * in-process bus, and the sign-on deadline is locked by the scheduler inside the api process.
 */
describe('legal actions in the embedded default', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coalition-legal-embedded-'));
    app = await startApp('api', { DATA_DIR: dataDir, BOOTSTRAP_ADMIN_USERNAME: ADMIN.username, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password }, freePort());
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (username: string, password: string): Promise<Caller> => {
    const answer = await callerFor(app.url, {}).post('/auth/login', { username, password });
    expect(answer.status).toBe(200);
    return callerFor(app.url, { authorization: `Bearer ${answer.body.accessToken}` });
  };

  it('projects an action and locks its sign-on list at the deadline', async () => {
    const admin = await login(ADMIN.username, ADMIN.password);
    const counsel: Record<string, Caller> = {};
    for (const code of ['CA', 'NY']) {
      expect((await admin.post('/states', { code, name: `State ${code}`, population: 1_000 })).status).toBe(201);
      const username = `${code.toLowerCase()}.counsel`;
      expect((await admin.post('/users', { username, password: PASSWORD, displayName: username, roles: ['counsel'], stateCode: code })).status).toBe(201);
      counsel[code] = await login(username, PASSWORD);
    }
    const deadline = new Date(Date.now() + 3_000);
    const opened = await counsel.CA.post('/legal-actions', { kind: 'comment-letter', title: 'Comments on the proposed rule', summary: 'Joint comments', forum: 'Federal Register docket', signOnDeadline: deadline.toISOString() });
    expect(opened.status).toBe(201);
    const id = String(opened.body.id);
    const signed = await counsel.NY.post(`/legal-actions/${id}/signatories`, {});
    expect(signed.status).toBe(200);

    const read = await counsel.NY.get<LegalAction>(`/legal-actions/${id}?minPosition=${signed.body.position}`);
    expect(read.body.signatories.map((s) => s.stateCode)).toEqual(['CA', 'NY']);

    let view = read.body;
    for (const until = deadline.getTime() + 15_000; !view.signatoriesAtDeadline && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = (await counsel.CA.get<LegalAction>(`/legal-actions/${id}`)).body;
    }
    expect(view.signatoriesAtDeadline?.map((s) => s.stateCode)).toEqual(['CA', 'NY']);
  }, 60_000);
});
