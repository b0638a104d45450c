import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, chromium, Page } from 'playwright-core';
import { ApiCaller, apiCaller, expectStatus, login } from '../lib/api';
import { RESULTS_DIR, ROOT, startApp } from '../lib/processes';
import { log, now, percentile, round } from '../lib/stats';

export interface ConsoleResult {
  /** JavaScript the browser fetched, gzipped (level 9), up to the sign-in page and up to the coordinator's home. */
  signInJsGzipKb: number;
  firstLoadJsGzipKb: number;
  /** Click "Sign in" until the home page shows its data, embedded default (median and worst of `rounds`). */
  signInToHomeMs: { p50: number; max: number; samples: number[] };
  /** Click "Cast vote" in one browser until the tally of another signed-in browser shows it. */
  voteToOtherTallyMs: { p50: number; max: number; samples: number[] };
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ADMIN = { username: 'admin', password: 'bench admin password' };
const PASSWORD = 'bench coordinator password';
const RULE = { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' };

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The session is stored once sign-in answers: a navigation before then reloads the sign-in page. */
async function signInAndWait(page: Page, username: string): Promise<void> {
  await signIn(page, username);
  await page.getByText(new RegExp(`^Signed in as ${username}[, ]`)).waitFor();
}

/** A vote in WA's browser, watched in OR's: ms from "Cast vote" until OR's tally shows it. */
async function voteToOtherTally(browser: Browser, url: string, or: ApiCaller, compactId: string, rounds: number): Promise<number[]> {
  const closesAt = new Date(Date.now() + 3_600_000).toISOString();
  const voter = await (await browser.newContext({ baseURL: url })).newPage();
  const watcher = await (await browser.newContext({ baseURL: url })).newPage();
  await voter.goto('/');
  await signInAndWait(voter, 'wa.coordinator');
  await watcher.goto('/');
  await signInAndWait(watcher, 'or.coordinator');
  const voteSamples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const proposal = await expectStatus<{ id: string }>(or, 'POST', `/compacts/${compactId}/proposals`, { kind: 'resolution', title: `Vote ${i}`, text: 'Resolved.', closesAt }, [201]);
    await voter.goto(`/proposals/${proposal.id}`);
    await watcher.goto(`/proposals/${proposal.id}`);
    await watcher.getByText('Yes 0, no 0, abstain 0.').waitFor();
    // USWDS draws the radio on its label and moves the input off screen: a person clicks the label.
    await voter.locator('label[for="choice-yes"]').click();
    const started = now();
    await voter.getByRole('button', { name: 'Cast vote' }).click();
    await watcher.getByText('Yes 1, no 0, abstain 0.').waitFor({ timeout: 10_000 });
    voteSamples.push(now() - started);
  }
  return voteSamples;
}

/**
 * The staff console in Debian's Chromium against the embedded default (`npm start`): what it
 * costs to load, how soon a coordinator sees their home page, and how soon a vote reaches
 * another browser's tally (the console polls /events every second).
 */
export async function consoleSuite(options: { rounds: number }): Promise<ConsoleResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'coalition-bench-console-'));
  const app = await startApp('api', { DATA_DIR: dataDir, LOG_LEVEL: 'warn', BOOTSTRAP_ADMIN_USERNAME: ADMIN.username, BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password }, join(RESULTS_DIR, 'console-api.log.tmp'));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS, headless: true });
  try {
    const admin = apiCaller(app.url, await login(app.url, ADMIN.username, ADMIN.password));
    for (const code of ['WA', 'OR', 'ID']) {
      await expectStatus(admin, 'POST', '/states', { code, name: `State ${code}`, population: 1_000_000 }, [201]);
      await expectStatus(admin, 'POST', '/users', { username: `${code.toLowerCase()}.coordinator`, password: PASSWORD, displayName: code, roles: ['coordinator'], stateCode: code }, [201]);
    }
    const wa = apiCaller(app.url, await login(app.url, 'wa.coordinator', PASSWORD));
    const or = apiCaller(app.url, await login(app.url, 'or.coordinator', PASSWORD));
    const compact = await expectStatus<{ id: string }>(wa, 'POST', '/compacts', {
      title: 'Bench Compact', purpose: 'Measure the console', charter: { text: 'Article I.' }, votingRule: RULE, foundingStates: ['WA', 'OR', 'ID'],
    }, [201]);
    for (const [caller, reference] of [[wa, 'RCW 1'], [or, 'EO 1']] as const) {
      await expectStatus(caller, 'POST', `/compacts/${compact.id}/ratifications`, { kind: 'statute', reference, enactedOn: '2026-01-01' }, [200]);
    }
    // Data on the home page: an open resolution WA has not voted on, and a request its pledge could fill.
    const closesAt = new Date(Date.now() + 3_600_000).toISOString();
    await expectStatus(or, 'POST', `/compacts/${compact.id}/proposals`, { kind: 'resolution', title: 'Waiting for WA', text: 'Resolved.', closesAt }, [201]);
    await expectStatus(wa, 'POST', `/compacts/${compact.id}/pledges`, { resourceType: 'pump', unit: 'each', quantity: 5 }, [201]);
    await expectStatus(or, 'POST', `/compacts/${compact.id}/requests`, { resourceType: 'pump', unit: 'each', quantity: 2, justification: 'Drought' }, [201]);

    // First load: every JS file the browser fetched, as a gzip-serving proxy would send it.
    const context = await browser.newContext({ baseURL: app.url });
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith('.js')) scripts.set(url.pathname, gzipSync(readFileSync(join(ROOT, 'dist/apps/console', url.pathname)), { level: 9 }).length);
    });
    const total = () => [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    const signInJsGzipKb = round(total(), 1);

    const samples: number[] = [];
    const votesTable = page.getByRole('table', { name: 'Open proposals your state has not voted on' });
    for (let attempt = 0; attempt <= options.rounds; attempt++) {
      await signIn(page, 'wa.coordinator');
      const started = now();
      await votesTable.getByRole('link', { name: 'Waiting for WA' }).waitFor();
      await page.getByRole('table', { name: /open requests matching a pledge/ }).getByRole('link').first().waitFor();
      // The first round warms the api's caches and the browser's; it is not counted.
      if (attempt > 0) samples.push(now() - started);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    const firstLoadJsGzipKb = round(total(), 1);
    await context.close();

    const voteSamples = await voteToOtherTally(browser, app.url, or, compact.id, options.rounds);
    const summary = (values: number[]) => ({ p50: round(percentile(values, 50)), max: round(Math.max(...values)), samples: values.map((v) => round(v)) });
    const result = { signInJsGzipKb, firstLoadJsGzipKb, signInToHomeMs: summary(samples), voteToOtherTallyMs: summary(voteSamples) };
    log(`console: ${signInJsGzipKb} KB JS to sign in, ${firstLoadJsGzipKb} KB to home; sign-in to home p50 ${result.signInToHomeMs.p50} ms; vote to another tally p50 ${result.voteToOtherTallyMs.p50} ms`);
    return result;
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
