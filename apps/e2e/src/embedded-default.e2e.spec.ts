import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, json, RunningApp, startApp } from './processes';

/** `npm start` with no servers configured: PGlite under the data dir, in-process transport. */
describe('the embedded default', () => {
  let dataDir: string;
  let app: RunningApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coalition-embedded-'));
    app = await startApp('api', { DATA_DIR: dataDir }, freePort());
  }, 90_000);

  afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is ready, with its database up', async () => {
    const response = await fetch(`${app.url}/health/ready`);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const document = await json<{ openapi: string; paths: Record<string, unknown> }>(await fetch(`${app.url}/docs-json`));
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/states']));
    const ui = await fetch(`${app.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('prints a generated admin password once, which logs in and reads its own writes', async () => {
    const password = /password: (\S+)/.exec(app.output())?.[1];
    expect(password).toBeDefined();
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = await json<{ accessToken: string }>(login);
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${app.url}/api/v1/states`, { method: 'POST', headers: auth, body: JSON.stringify({ code: 'OR', name: 'Oregon', population: 4_240_000 }) });
    expect(created.status).toBe(201);
    const { position } = await json<{ position: number }>(created);
    const states = await json(await fetch(`${app.url}/api/v1/states?minPosition=${position}`, { headers: auth }));
    expect(states).toEqual([{ code: 'OR', name: 'Oregon', population: 4_240_000, streamId: 'member-state-OR' }]);
  });
});
