import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { freePort, json, RunningApp, startApp } from '../processes';
import { expectAccessible, launchChromium, openConsole, see, seeText, signIn, visit } from './browser';

jest.setTimeout(180_000);

const ADMIN = { username: 'admin', password: 'embedded admin password' };
const PASSWORD = 'correct horse battery';

/**
 * `npm start` as a newcomer runs it (PGlite, in-process transport, no servers), with tokens that
 * live 30 s so that the session's renewal can be watched: the console is the same build.
 */
describe('the staff console on the embedded default', () => {
  let dataDir: string;
  let app: RunningApp;
  let browser: Browser;

  const call = async (token: string, path: string, body: unknown) => {
    const answer = await fetch(`${app.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
    return json<{ id: string; position: number }>(answer);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coalition-console-'));
    [app, browser] = await Promise.all([
      startApp('api', { DATA_DIR: dataDir, JWT_TTL_SECONDS: '30', BOOTSTRAP_ADMIN_USERNAME: ADMIN.username, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password }, freePort()),
      launchChromium(),
    ]);
    const login = await fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { accessToken } = await json<{ accessToken: string }>(login);
    for (const code of ['WA', 'OR']) await call(accessToken, '/states', { code, name: `State ${code}`, population: 1_000_000 });
    await call(accessToken, '/users', { username: 'wa.coordinator', password: PASSWORD, displayName: 'WA coordinator', roles: ['coordinator'], stateCode: 'WA' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the admin sign in and shows only the areas an admin may open', async () => {
    const { page, context } = await openConsole(browser, app.url);
    await signIn(page, ADMIN.username, ADMIN.password);
    await seeText(page.getByRole('heading', { level: 1 }), 'Welcome to Coalition');
    await see(page.getByRole('link', { name: 'Administration' }).first());
    await visit(page, 'admin-home');
    await context.close();
  });

  it('renews the session before the token expires without losing a half-filled form', async () => {
    const { page, context } = await openConsole(browser, app.url);
    await signIn(page, 'wa.coordinator', PASSWORD);
    await page.getByRole('link', { name: 'Draft a compact' }).click();
    await page.getByLabel('Title').fill('Columbia River Water Compact');
    await page.getByLabel('Purpose').fill('Share pumps and tankers in droughts');
    await page.getByLabel('Charter text').fill('Article I. The party states shall share water equipment.');
    await page.getByText('State OR (OR)', { exact: true }).click();

    // A 30 s token: the dialog asks ten seconds before it expires.
    const dialog = page.getByRole('dialog');
    await see(dialog.getByRole('heading', { name: /Your session ends in \d+ seconds/ }), 30_000);
    await expectAccessible(page, 'the renewal dialog');
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The form kept what was typed, and the renewed token carries the command.
    expect(await page.getByLabel('Title').inputValue()).toBe('Columbia River Water Compact');
    await page.getByRole('button', { name: 'Draft the compact' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), 'Columbia River Water Compact');

    // A reload of a deep link keeps the session (sessionStorage) and the page (SPA fallback).
    await page.reload();
    await seeText(page.getByRole('heading', { level: 1 }), 'Columbia River Water Compact');
    await see(page.getByRole('row', { name: /OR admitted/ }));
    await context.close();
  });

});
