import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { OpenIdProviders, RESOURCE } from '../oidc/openid-providers';
import { freePort, json, RunningApp, startApp } from '../processes';
import { expectAccessible, launchChromium, openConsole, Person, see, seeText } from './browser';

jest.setTimeout(180_000);

const ADMIN = { username: 'admin', password: 'embedded admin password' };
const PASSWORD = 'correct horse battery';
const BUTTON = "Sign in with Washington's identity provider";
const COMPACT = 'Columbia River Mutual Aid Compact';
/** The tab's session storage, as page functions see it (this project's TypeScript has no DOM library). */
interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const readStorage = (key: string) => (globalThis as unknown as { sessionStorage: Storage }).sessionStorage.getItem(key);

/**
 * Signing in to the console at a state's own identity provider: a real `oidc-provider` for
 * Washington on loopback, with the console as a public client (code flow, PKCE required) and
 * its own login and consent pages; the built api on the embedded default, configured with it;
 * Chromium clicks through it all as a person would.
 */
describe('the console signs people in at their state identity provider', () => {
  let dataDir: string;
  let providers: OpenIdProviders;
  let app: RunningApp;
  let browser: Browser;
  let issuer: string;
  let unreachable: string;
  const people: Person[] = [];

  const call = async (token: string, path: string, body: unknown) => {
    const answer = await fetch(`${app.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!answer.ok) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
    return json<{ id: string; position: number }>(answer);
  };
  const login = async (username: string, password: string) =>
    (await json<{ accessToken: string }>(await fetch(`${app.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) }))).accessToken;

  /** Washington and Oregon found a compact and Idaho asks to join: a vote waits for Washington. */
  const aVoteWaitingForWashington = async () => {
    const admin = await login(ADMIN.username, ADMIN.password);
    for (const [code, name] of [['WA', 'Washington'], ['OR', 'Oregon'], ['ID', 'Idaho']]) {
      await call(admin, '/states', { code, name, population: 1_000_000 });
      await call(admin, '/users', { username: `${code.toLowerCase()}.clerk`, password: PASSWORD, displayName: `${name} clerk`, roles: ['coordinator'], stateCode: code });
    }
    const [wa, or, id] = await Promise.all(['wa', 'or', 'id'].map((code) => login(`${code}.clerk`, PASSWORD)));
    const compact = await call(wa, '/compacts', {
      title: COMPACT, purpose: 'Share crews in fire season', charter: { text: 'Article I. The party states shall render mutual aid.' },
      votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' }, foundingStates: ['WA', 'OR'], minRatifications: 2, withdrawalNoticeDays: 30,
    });
    await call(wa, `/compacts/${compact.id}/ratifications`, { kind: 'statute', reference: 'RCW 38.10.010', enactedOn: '2026-03-01' });
    await call(or, `/compacts/${compact.id}/ratifications`, { kind: 'executive-order', reference: 'EO 26-04', enactedOn: '2026-03-12' });
    await call(id, `/compacts/${compact.id}/join-requests`, {});
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coalition-oidc-console-'));
    const port = freePort();
    [providers, browser] = await Promise.all([
      OpenIdProviders.start([{
        name: 'wa',
        clients: [],
        accounts: {
          jane: { roles: ['coordinator'], state_code: 'WA', preferred_username: 'jane@wa.gov' },
          // Washington's provider claiming an Oregon coordinator: Coalition refuses it.
          mallory: { roles: ['coordinator'], state_code: 'OR', preferred_username: 'mallory@wa.gov' },
        },
        consoleClients: [{ clientId: 'coalition-console', redirectUris: [`http://127.0.0.1:${port}/auth/callback`] }],
      }]),
      launchChromium(),
    ]);
    issuer = providers.issuers.wa;
    const [wa] = JSON.parse(await providers.coalitionConfig({ wa: ['WA'] })) as Record<string, unknown>[];
    // Nevada's provider is down: nothing listens at its issuer (a closed loopback port).
    unreachable = `http://127.0.0.1:${freePort()}`;
    const nv = { name: 'nv', issuer: unreachable, jwksUri: `${unreachable}/jwks`, audience: 'coalition', vouchesFor: ['NV'], consoleClientId: 'coalition-console', displayName: 'Nevada' };
    const OIDC_PROVIDERS = JSON.stringify([{ ...wa, consoleClientId: 'coalition-console', displayName: 'Washington', resource: RESOURCE }, nv]);
    app = await startApp('api', { DATA_DIR: dataDir, OIDC_PROVIDERS, BOOTSTRAP_ADMIN_USERNAME: ADMIN.username, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password }, port);
    if (app.url !== `http://127.0.0.1:${port}`) throw new Error(`the api took port ${app.url}, not the one registered as the redirect URI`);
    await aVoteWaitingForWashington();
  }, 150_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await providers?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A fresh browser (no provider session yet), noting every Content-Security-Policy violation it reports. */
  const person = async () => {
    const opened = await openConsole(browser, app.url);
    const violations: string[] = [];
    opened.page.on('console', (message) => /Content.Security.Policy/i.test(message.text()) && violations.push(message.text()));
    people.push(opened);
    return { ...opened, violations, errors: (opened.page as Page & { errors: string[] }).errors };
  };

  /** From the console's button to the provider's login page. */
  const toProvider = async (page: Page) => {
    await page.goto('/');
    await page.getByRole('button', { name: BUTTON }).click();
    await page.waitForURL((url) => url.href.startsWith(`${issuer}/interaction/`));
  };

  /** From the console's button to the provider's login page, and signed in there as `account`. */
  const signInAtProvider = async (page: Page, account: string) => {
    await toProvider(page);
    await page.getByLabel('Account').fill(account);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  };

  it("offers the state's provider on an accessible sign-in page, and lets the console's pages fetch from it", async () => {
    const { page, violations } = await person();
    await page.goto('/');
    await see(page.getByRole('button', { name: BUTTON }));
    await see(page.getByLabel('Username'));
    await expectAccessible(page, 'the sign-in page with an identity provider');
    const csp = (await fetch(`${app.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`connect-src 'self' ${new URL(issuer).origin} ${unreachable};`);
    expect(violations).toEqual([]);
  });

  it("signs a coordinator in at Washington's provider, shows what needs Washington, and signs out", async () => {
    const { page, violations, errors } = await person();
    await signInAtProvider(page, 'jane');
    await page.getByRole('button', { name: 'Allow' }).click();

    await seeText(page.getByRole('heading', { level: 1 }), /^What needs WA$/);
    await see(page.getByText('Signed in as jane@wa.gov, WA (coordinator)'));
    await see(page.getByRole('heading', { name: 'Votes waiting for WA' }));
    await see(page.getByRole('cell', { name: COMPACT }));
    expect(new URL(page.url()).pathname).toBe('/');
    // The code was exchanged in the browser: nothing of the flow is left behind, and the session is the provider's token.
    expect(await page.evaluate(readStorage, 'coalition.oidc.pending')).toBeNull();
    const session = JSON.parse((await page.evaluate(readStorage, 'coalition.session')) ?? '{}') as { token: string; provider: { name: string } };
    expect(session.provider.name).toBe('wa');
    expect(JSON.parse(Buffer.from(session.token.split('.')[0], 'base64url').toString())).toMatchObject({ typ: 'at+jwt' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await see(page.getByRole('button', { name: BUTTON }));
    expect(await page.evaluate(readStorage, 'coalition.session')).toBeNull();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('asks again before the token expires, and renews at the provider back on the same page', async () => {
    const { page, violations } = await person();
    await signInAtProvider(page, 'jane');
    await page.getByRole('button', { name: 'Allow' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^What needs WA$/);
    await page.getByRole('link', { name: 'Compacts' }).first().click();
    await see(page.getByRole('link', { name: COMPACT }));
    const compactsPage = new URL(page.url()).pathname;

    // The provider's tokens live 5 minutes: as if 4m30s had passed, the session now has 30 s left.
    await page.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: Storage }).sessionStorage;
      const stored = JSON.parse(storage.getItem('coalition.session') ?? '{}') as { expiresAt: number };
      storage.setItem('coalition.session', JSON.stringify({ ...stored, expiresAt: Date.now() + 30_000 }));
    });
    await page.reload();
    const dialog = page.getByRole('dialog');
    await see(dialog.getByRole('heading', { name: /Your session ends in \d+ seconds/ }));
    await see(dialog.getByText("You signed in as jane@wa.gov with Washington's identity provider"));
    await expectAccessible(page, 'the renewal dialog of a provider session');
    const before = await page.evaluate(readStorage, 'coalition.session');

    // The provider still knows this browser and its consent: it answers at once, no page of its own.
    await dialog.getByRole('button', { name: "Sign in again with Washington's identity provider" }).click();
    await page.waitForURL((url) => url.pathname === compactsPage);
    await see(page.getByRole('link', { name: COMPACT }));
    await dialog.waitFor({ state: 'hidden' });
    const after = JSON.parse((await page.evaluate(readStorage, 'coalition.session')) ?? '{}') as { token: string; expiresAt: number };
    expect(after.token).not.toBe((JSON.parse(before ?? '{}') as { token: string }).token);
    expect(after.expiresAt - Date.now()).toBeGreaterThan(200_000);
    expect(violations).toEqual([]);
  });

  /** `account` signs in at the provider and answers its consent page: the console's sign-in page says `why` nobody was signed in. */
  const expectRefused = async (account: string, consent: 'Allow' | 'Deny', why: string) => {
    const { page } = await person();
    await signInAtProvider(page, account);
    await page.getByRole('button', { name: consent }).click();
    await seeText(page.getByRole('alert'), why);
    await see(page.getByRole('button', { name: BUTTON }));
    expect(await page.evaluate(readStorage, 'coalition.session')).toBeNull();
    return page;
  };

  it('says in words that consent was denied, and signs nobody in', async () => {
    const page = await expectRefused('jane', 'Deny', "Washington's identity provider did not let Coalition sign you in: access was denied");
    expect(new URL(page.url()).pathname).toBe('/');
    await expectAccessible(page, 'the sign-in page with a refused sign-in');
  });

  it("refuses an answer that does not carry this tab's state, as a forged callback link would", async () => {
    const { page } = await person();
    await toProvider(page);
    await page.goto(`/auth/callback?code=a-code-of-someone-else&state=not-this-tabs&iss=${encodeURIComponent(issuer)}`);
    await seeText(page.getByRole('alert'), 'does not belong to the sign-in this tab started');
    await see(page.getByRole('button', { name: BUTTON }));
  });

  it("says so when Coalition refuses what the provider vouched for (Washington's provider claiming Oregon)", () =>
    expectRefused('mallory', 'Allow', "Coalition did not accept the sign-in from Washington's identity provider"));

  it("says so when a state's provider cannot be reached, and stays on the sign-in page", async () => {
    const { page } = await person();
    await page.goto('/');
    await page.getByRole('button', { name: "Sign in with Nevada's identity provider" }).click();
    await seeText(page.getByRole('alert'), `Could not reach Nevada's identity provider (${unreachable})`);
    expect(new URL(page.url()).origin).toBe(app.url);
    await see(page.getByRole('button', { name: BUTTON }));
  });

  afterEach(async () => {
    while (people.length > 0) await people.pop()?.context.close();
  });
});
