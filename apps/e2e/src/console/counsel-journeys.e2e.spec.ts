import { createHash } from 'node:crypto';
import { Browser } from 'playwright-core';
import { PASSWORD, Stack } from '../stack';
import { expectAccessible, expectNoSidewaysScroll, launchChromium, openConsole, Person, see, seeText, signIn, tabTo, visit } from './browser';

jest.setTimeout(240_000);

const LIVE_MS = 5_000;
const TITLE = 'Brief of the States of California and New York as Amici Curiae';
const DOCUMENT = Buffer.from(`%PDF-1.7\n% ${TITLE}\nthe brief's own words, which must never leave the machine\n`);
const DOCUMENT_SHA256 = createHash('sha256').update(DOCUMENT).digest('hex');
/** A date a few days ahead, as a datetime-local field takes it (in the browser's own zone). */
const inDays = (days: number) => `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T17:00`;

/**
 * Counsel in Debian's Chromium against the built api and worker on the real PostgreSQL and
 * Kafka: California opens an amicus brief, New York signs on with the keyboard alone,
 * California files it with the SHA-256 of a document hashed in the browser, records a ruling
 * and closes it. Coordinators see no legal actions at all.
 */
describe('the staff console: counsel in a real browser', () => {
  let stack: Stack;
  let browser: Browser;
  let ca: Person;
  let ny: Person;
  let actionUrl: string;
  const sentBodies: string[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start(), launchChromium()]);
    for (const [code, name] of [['CA', 'California'], ['NY', 'New York'], ['WA', 'Washington']] as const) await stack.registerState(code, 1_000_000, name);
    await Promise.all([stack.counsel('CA'), stack.counsel('NY'), stack.coordinator('WA')]);
    [ca, ny] = await Promise.all([openConsole(browser, stack.api.url), openConsole(browser, stack.api.url, { timezoneId: 'America/New_York' })]);
    // Everything California's browser sends, to show the document itself never left it.
    ca.page.on('request', (request) => sentBodies.push(request.postData() ?? ''));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('California opens an amicus brief and leads it as its first signatory', async () => {
    const page = ca.page;
    await signIn(page, 'ca.counsel', PASSWORD);
    await page.getByRole('banner').getByRole('link', { name: 'Legal actions' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Legal actions$/);
    await see(page.getByText('No legal action has been opened yet.'));
    await page.getByRole('link', { name: 'Open a legal action' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Open a legal action$/);
    await visit(page, 'open-legal-action');

    await page.getByLabel('Kind').selectOption('amicus-brief');
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Summary').fill('Supporting the petitioners on the preemption question');
    await page.getByLabel('Forum').fill('U.S. Court of Appeals for the Ninth Circuit');
    await page.getByLabel(/Sign-on deadline/).fill(inDays(3));
    await page.getByRole('button', { name: 'Open the action' }).click();

    await seeText(page.getByRole('heading', { level: 1 }), TITLE);
    actionUrl = new URL(page.url()).pathname;
    await see(page.getByRole('row', { name: /CA \(lead\)/ }));
    await see(page.getByText(/Open for sign-on/));
    await see(page.getByText(/\d+ days left|h \d+ min left/).first());
  });

  it('New York finds it in the tracker and signs on with the keyboard alone; California sees it without a reload', async () => {
    const page = ny.page;
    await signIn(page, 'ny.counsel', PASSWORD);
    await page.getByRole('banner').getByRole('link', { name: 'Legal actions' }).click();
    const tracker = page.getByRole('table', { name: 'Legal actions, newest first' });
    await see(tracker.getByRole('row', { name: /Amicus brief CA Open for sign-on/ }));
    await see(tracker.getByText(/days left/));
    await visit(page, 'legal-actions');

    const keyboard = page.keyboard;
    await tabTo(page, tracker.getByRole('link', { name: TITLE }));
    await keyboard.press('Enter');
    await seeText(page.getByRole('heading', { level: 1 }), TITLE);
    await tabTo(page, page.getByRole('button', { name: 'Sign on for NY' }));
    await keyboard.press('Enter');
    await see(page.getByText('NY has signed on.'));
    await see(page.getByRole('row', { name: /^NY / }));
    await expectAccessible(page, 'legal action, signed');

    await see(ca.page.getByRole('row', { name: /^NY / }), LIVE_MS);
  });

  it('New York withdraws its signature and signs again; the list shows each change', async () => {
    const page = ny.page;
    await page.getByRole('button', { name: 'Withdraw NY’s signature' }).click();
    await see(page.getByRole('button', { name: 'Sign on for NY' }));
    expect(await page.getByRole('row', { name: /^NY / }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign on for NY' }).click();
    await see(page.getByText('NY has signed on.'));
  });

  it('California files it with the SHA-256 of the brief, computed in the browser; the brief never leaves the machine', async () => {
    const page = ca.page;
    await page.goto(actionUrl);
    await see(page.getByRole('row', { name: /^NY / }));
    await see(page.getByRole('heading', { name: 'File the action' }));
    await page.getByLabel('Filed on').fill('2026-12-01');
    await page.getByLabel('Docket number').fill('25-1234');
    await page.getByLabel('Filed document').setInputFiles({ name: 'amicus-brief.pdf', mimeType: 'application/pdf', buffer: DOCUMENT });
    await see(page.getByText(`SHA-256 of amicus-brief.pdf: ${DOCUMENT_SHA256}`));
    await expectAccessible(page, 'legal action, filing form');
    await page.getByRole('button', { name: 'File the action' }).click();

    await see(page.getByRole('heading', { name: 'Filing' }));
    await see(page.getByText(DOCUMENT_SHA256, { exact: true }));
    await see(page.getByText('Filed', { exact: true }));
    const id = actionUrl.split('/').pop() as string;
    const stored = await stack.admin.get<{ status: string; filing: { documentSha256: string; docketNumber: string }; signatories: { stateCode: string }[] }>(`/legal-actions/${id}`);
    expect(stored.body).toMatchObject({ status: 'filed', filing: { documentSha256: DOCUMENT_SHA256, docketNumber: '25-1234' } });
    expect(stored.body.signatories.map((s) => s.stateCode).sort()).toEqual(['CA', 'NY']);

    const marker = "the brief's own words";
    expect(sentBodies.filter((body) => body.includes(marker) || body.includes('%PDF'))).toEqual([]);
    expect(sentBodies.some((body) => body.includes(DOCUMENT_SHA256))).toBe(true);
  });

  it('New York can no longer withdraw once filed; California records a ruling on the timeline and closes the action as won', async () => {
    await ny.page.reload();
    await see(ny.page.getByRole('heading', { name: 'Filing' }));
    expect(await ny.page.getByRole('button', { name: /Withdraw NY/ }).count()).toBe(0);

    const page = ca.page;
    await page.getByLabel('Kind').selectOption('ruling');
    await page.getByLabel('Occurred on').fill('2026-12-02');
    await page.getByLabel('Summary', { exact: true }).fill('The court granted leave to file the brief');
    await page.getByRole('button', { name: 'Record the development' }).click();
    const timeline = page.getByRole('list', { name: 'Developments, oldest first' });
    await seeText(timeline.getByRole('heading'), 'Ruling, 2026-12-02');
    await seeText(timeline, 'The court granted leave to file the brief');

    await page.getByLabel('Outcome', { exact: true }).selectOption('won');
    await page.getByLabel('Summary of the outcome').fill('The court ruled for the petitioners');
    await page.getByRole('button', { name: 'Close the action' }).click();
    await see(page.getByRole('heading', { name: 'Outcome' }));
    await see(page.getByText('Won', { exact: true }));
    await visit(page, 'legal-action');

    // New York's page follows without a reload.
    await see(ny.page.getByRole('heading', { name: 'Outcome' }), LIVE_MS);
  });

  it('reads the tracker and a closed action at 320 px wide without scrolling sideways', async () => {
    const page = ca.page;
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      for (const path of ['/legal-actions', actionUrl]) {
        await page.goto(path);
        await see(page.getByText(TITLE).first());
        await expectNoSidewaysScroll(page);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows a coordinator no legal actions: no menu entry, and the page says why', async () => {
    const wa = await openConsole(browser, stack.api.url);
    try {
      await signIn(wa.page, 'wa.coordinator', PASSWORD);
      await see(wa.page.getByRole('banner').getByRole('link', { name: 'Compacts', exact: true }));
      expect(await wa.page.getByRole('link', { name: 'Legal actions' }).count()).toBe(0);
      await wa.page.goto(actionUrl);
      await see(wa.page.getByText('Your role does not give access to legal actions.'));
      await expectAccessible(wa.page, 'legal action refused to a coordinator');
    } finally {
      await wa.context.close();
    }
  });
});
