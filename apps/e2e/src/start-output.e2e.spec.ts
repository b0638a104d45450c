import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, RunningApp, startApp } from './processes';

jest.setTimeout(120_000);

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').replace(/\r/g, '');
const lines = (text: string) => plain(text).split('\n');
const isJson = (line: string) => {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
};
const login = (app: RunningApp, username: string, password: string) =>
  fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }).then((r) => r.status);
/** The output once the banner is complete (the api answers /health/live a moment before main() prints it). */
async function outputOf(app: RunningApp): Promise<string> {
  for (let i = 0; i < 100 && !app.output().includes('Stop with Ctrl+C.'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return app.output();
}
const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * What a person sees when starting the embedded app: one banner when ready (console, API docs,
 * data directory, and the generated admin on the first start only), framework chatter only at
 * debug, JSON lines when stdout is not a terminal and readable lines when it is, and a warning
 * that says what to do when BOOTSTRAP_ADMIN_* does not match the data.
 */
describe('the start output', () => {
  let dataDir: string;
  let app: RunningApp | undefined;
  let generatedPassword = '';

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coalition-start-'));
  });

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('first start, not on a terminal: JSON log lines, no route mapping, one banner with the URLs, the data directory and the admin', async () => {
    app = await startApp('api', { DATA_DIR: dataDir, LOG_LEVEL: 'info' }, freePort());
    const output = await outputOf(app);
    const port = new URL(app.url).port;
    expect(output).not.toMatch(/RouterExplorer|RoutesResolver|InstanceLoader|Mapped \{/);
    expect(output.match(/Coalition is ready/g)).toHaveLength(1);
    expect(output).toContain(`console   http://localhost:${port}/\n`);
    expect(output).toContain(`API docs  http://localhost:${port}/docs\n`);
    expect(output).toContain(`data      ${dataDir} (embedded`);
    const banner = output.slice(output.indexOf('\n  Coalition is ready') + 1);
    // Everything before the banner is a JSON log line, and there are few of them.
    const logLines = output.slice(0, output.indexOf('\n  Coalition is ready')).split('\n').filter(Boolean);
    expect(logLines.filter((line) => !isJson(line))).toEqual([]);
    expect(logLines.length).toBeLessThan(10);
    generatedPassword = /^ {4}password: (\S+)$/m.exec(banner)?.[1] ?? '';
    expect(banner).toMatch(/^ {4}username: admin$/m);
    expect(generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await login(app, 'admin', generatedPassword)).toBe(200);
  });

  it('on existing data, BOOTSTRAP_ADMIN_* that does not match: a warning saying what happened and what to do; no credentials; chatter at debug', async () => {
    app = await startApp(
      'api',
      { DATA_DIR: dataDir, LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty', BOOTSTRAP_ADMIN_USERNAME: 'admin', BOOTSTRAP_ADMIN_PASSWORD: 'my chosen password' },
      freePort(),
    );
    const output = plain(await outputOf(app));
    const warning = lines(output).find((line) => line.includes('BOOTSTRAP_ADMIN_PASSWORD is not the password'));
    expect(warning).toMatch(/WARN.*existing admin "admin".*it was not changed.*npx coalition admin reset-password admin/);
    expect(output).not.toMatch(/password: /);
    // The framework's lines are still there at debug, readable rather than JSON.
    expect(output).toMatch(/DEBUG: \[RouterExplorer\] Mapped \{\/api\/v1\/auth\/login, POST\} route/);
    expect(lines(output).filter((line) => line.trim() && isJson(line))).toEqual([]);
    expect(await login(app, 'admin', 'my chosen password')).toBe(401);
    expect(await login(app, 'admin', generatedPassword)).toBe(200);
  });

  (hasScript ? it : it.skip)('on a terminal (util-linux `script`), picks readable lines by itself', async () => {
    app = await startApp('api', { DATA_DIR: dataDir, LOG_LEVEL: 'info', BOOTSTRAP_ADMIN_USERNAME: 'second.admin', BOOTSTRAP_ADMIN_PASSWORD: 'a second admin password' }, freePort(), 0, {
      terminal: true,
    });
    const output = plain(await outputOf(app));
    expect(output).toMatch(/INFO: \[BootstrapAdmin\] bootstrap admin "second.admin" registered/);
    expect(lines(output).filter((line) => line.trim() && isJson(line))).toEqual([]);
    expect(output.match(/Coalition is ready/g)).toHaveLength(1);
    expect(await login(app, 'second.admin', 'a second admin password')).toBe(200);
  });
});
