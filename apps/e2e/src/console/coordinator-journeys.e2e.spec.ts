import { Browser } from 'playwright-core';
import { metricsAuth, PASSWORD, Stack } from '../stack';
import { expectAccessible, expectNoSidewaysScroll, launchChromium, openConsole, Person, see, seeAttribute, seeChecked, seeCount, seeText, signIn, tabTo, visit } from './browser';

jest.setTimeout(240_000);

const LIVE_MS = 5_000;

/**
 * The staff console in Debian's Chromium, against the built api (which serves it) and the
 * worker on the real PostgreSQL and Kafka. Three coordinators, each in a browser of their own,
 * as people would: elements are found by role and label, and axe checks every page visited.
 */
describe('the staff console: coordinators in a real browser', () => {
  let stack: Stack;
  let browser: Browser;
  let wa: Person;
  let or: Person;
  let id: Person;
  let compactUrl: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start(), launchChromium()]);
    for (const [code, population] of [['WA', 7_812_880], ['OR', 4_240_137], ['ID', 1_964_726]] as const) {
      await stack.registerState(code, population, { WA: 'Washington', OR: 'Oregon', ID: 'Idaho' }[code]);
      await stack.coordinator(code);
    }
    [wa, or, id] = await Promise.all([openConsole(browser, stack.api.url), openConsole(browser, stack.api.url, { timezoneId: 'America/New_York' }), openConsole(browser, stack.api.url)]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('serves the console at / and keeps the api, docs and health where they were', async () => {
    const page = await fetch(`${stack.api.url}/compacts/some-deep-link`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const api = await fetch(`${stack.api.url}/api/v1/compacts`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await fetch(`${stack.api.url}/health/live`)).headers.get('content-type')).toMatch(/json/);
    expect(await (await fetch(`${stack.api.url}/docs`)).text()).toContain('swagger');
    expect(await (await fetch(`${stack.api.url}/metrics`, { headers: metricsAuth })).text()).toContain('# HELP');
  });

  it('shows a wrong password in words and signs in with the right one', async () => {
    await wa.page.goto('/');
    await visit(wa.page, 'sign-in');
    await wa.page.getByLabel('Username').fill('wa.coordinator');
    await wa.page.getByLabel('Password', { exact: true }).fill('not the password');
    await wa.page.getByRole('button', { name: 'Sign in' }).click();
    await seeText(wa.page.getByRole('alert'), 'Could not sign in');
    await signIn(wa.page, 'wa.coordinator', PASSWORD);
    await seeText(wa.page.getByRole('heading', { level: 1 }), /^What needs WA$/);
    await see(wa.page.getByText('No vote is waiting for your state.'));
  });

  it('Washington drafts a compact with Oregon and ratifies it by statute', async () => {
    const page = wa.page;
    await page.getByRole('link', { name: 'Draft a compact' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Draft a compact$/);
    await visit(page, 'draft-compact');
    await page.getByLabel('Title').fill('Northwest Wildfire Mutual Aid Compact');
    await page.getByLabel('Purpose').fill('Share crews and engines during fire season');
    await page.getByLabel('Charter text').fill('Article I. The party states shall render mutual aid in wildfire emergencies.');
    await page.getByText('Oregon (OR)', { exact: true }).click();
    await page.getByLabel('Withdrawal notice (days)').fill('30');
    // A quorum over 100% is refused by the api: its words appear next to the field.
    await page.getByLabel(/Quorum/).fill('150');
    await page.getByRole('button', { name: 'Draft the compact' }).click();
    await seeText(page.getByRole('alert'), 'The compact was not drafted');
    await seeText(page.locator('.usa-error-message').first(), /quorum/i);
    await expectAccessible(page, 'draft compact with a field error');
    await page.getByLabel(/Quorum/).fill('50');
    await page.getByRole('button', { name: 'Draft the compact' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Northwest Wildfire Mutual Aid Compact$/);
    compactUrl = new URL(page.url()).pathname;
    await see(page.getByText(/SHA-256: [0-9a-f]{64}/));
    await see(page.getByRole('heading', { name: 'Charter, version 1' }));

    await page.getByLabel('Instrument').selectOption('statute');
    await page.getByLabel('Reference (citation or number)').fill('RCW 38.10.010');
    await page.getByLabel('Enacted on').fill('2026-03-01');
    await page.getByRole('button', { name: 'Ratify the compact' }).click();
    // Read your own write: the member row shows the ratification at once.
    await see(page.getByRole('row', { name: /WA ratified statute: RCW 38\.10\.010/ }));
  });

  it('Oregon ratifies by executive order, and Washington sees the compact become active without a reload', async () => {
    await signIn(or.page, 'or.coordinator', PASSWORD);
    await or.page.getByRole('link', { name: 'Compacts', exact: true }).click();
    await visit(or.page, 'compacts');
    await or.page.getByRole('link', { name: 'Northwest Wildfire Mutual Aid Compact' }).click();
    await or.page.getByLabel('Instrument').selectOption('executive-order');
    await or.page.getByLabel('Reference (citation or number)').fill('Executive Order 26-04');
    await or.page.getByLabel('Enacted on').fill('2026-03-12');
    await or.page.getByRole('button', { name: 'Ratify the compact' }).click();
    await see(or.page.getByText('active', { exact: true }).first());
    await see(wa.page.getByRole('row', { name: /OR ratified executive-order/ }), LIVE_MS);
    await see(wa.page.getByText('active', { exact: true }).first(), LIVE_MS);
    await visit(wa.page, 'compact');
  });

  it('Idaho applies to join; Washington and Oregon admit it by vote with the keyboard alone', async () => {
    await signIn(id.page, 'id.coordinator', PASSWORD);
    await id.page.goto(compactUrl);
    await id.page.getByRole('button', { name: 'Apply to join' }).click();
    await seeText(id.page.getByRole('heading', { level: 1 }), 'ID');
    const proposalUrl = new URL(id.page.url()).pathname;
    await see(id.page.getByText('ID is not in this proposal\'s electorate.'));

    // Washington's home lists the vote waiting for it, within the live-update window.
    await wa.page.getByRole('link', { name: 'Home' }).click();
    const waiting = wa.page.getByRole('table', { name: 'Open proposals your state has not voted on' });
    await seeCount(waiting.getByRole('link'), 1, LIVE_MS);
    await seeText(waiting, /left/);
    await visit(wa.page, 'home');

    // Oregon watches the proposal page while Washington votes by keyboard.
    await or.page.goto(proposalUrl);
    await see(or.page.getByText('Yes 0, no 0, abstain 0.'));

    const keyboard = wa.page.keyboard;
    await tabTo(wa.page, waiting.getByRole('link'));
    await keyboard.press('Enter');
    await see(wa.page.getByRole('heading', { name: 'WA has not voted' }));
    // Tab enters the radio group at its first choice; the arrow keys choose within it.
    await tabTo(wa.page, wa.page.getByRole('radio', { name: 'Yes', exact: true }));
    await keyboard.press('ArrowDown');
    await seeChecked(wa.page.getByRole('radio', { name: 'No', exact: true }));
    await tabTo(wa.page, wa.page.getByRole('button', { name: 'Cast vote' }));
    await keyboard.press('Enter');
    await see(wa.page.getByRole('heading', { name: 'WA voted no' }));
    // Change the vote, still by keyboard: Tab enters the group at the checked choice.
    await tabTo(wa.page, wa.page.getByRole('radio', { name: 'No', exact: true }));
    await keyboard.press('ArrowUp');
    await seeChecked(wa.page.getByRole('radio', { name: 'Yes', exact: true }));
    await tabTo(wa.page, wa.page.getByRole('button', { name: 'Change vote' }));
    await keyboard.press('Enter');
    await see(wa.page.getByRole('heading', { name: 'WA voted yes' }));
    await seeCount(wa.page.getByRole('table', { name: /Every vote, in order/ }).getByRole('row'), 3);
    // The decision record is the auditors' page: a coordinator's proposal page does not offer it.
    expect(await wa.page.getByRole('link', { name: 'Decision record of this proposal' }).count()).toBe(0);

    // Oregon's tally moves without a reload.
    await see(or.page.getByText('Yes 1, no 0, abstain 0.'), LIVE_MS);
    await see(or.page.getByText(/Participation 50%/).first());
    await visit(or.page, 'proposal');

    await tabTo(or.page, or.page.getByRole('radio', { name: 'Yes', exact: true }));
    await or.page.keyboard.press('Space');
    await tabTo(or.page, or.page.getByRole('button', { name: 'Cast vote' }));
    await or.page.keyboard.press('Enter');
    // The last electorate vote closes the proposal; the worker then admits Idaho.
    await see(or.page.getByText('passed', { exact: true }), LIVE_MS);
    await see(id.page.getByText('passed', { exact: true }), LIVE_MS);

    await id.page.goto(compactUrl);
    await see(id.page.getByRole('row', { name: /ID admitted/ }), LIVE_MS);
    await id.page.getByLabel('Instrument').selectOption('agreement');
    await id.page.getByLabel('Reference (citation or number)').fill('Idaho-Compact Agreement 2026-7');
    await id.page.getByLabel('Enacted on').fill('2026-04-02');
    await id.page.getByRole('button', { name: 'Ratify the compact' }).click();
    await see(id.page.getByRole('row', { name: /ID ratified agreement/ }));
  });

  it('shows the compact as it stood before Idaho applied (asOf)', async () => {
    const page = wa.page;
    await page.goto(compactUrl);
    const events = await stack.admin.get<{ events: { type: string; recordedAt: string }[] }>('/audit/events?type=MembershipApplied');
    const applied = events.body.events[0];
    expect(applied).toBeDefined();
    const at = new Date(new Date(applied.recordedAt).getTime() - 1000);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'America/Los_Angeles', dateStyle: 'short', timeStyle: 'medium' }).format(at).replace(' ', 'T');
    await page.getByLabel(/Show the compact as it stood at/).fill(local.slice(0, 19));
    await page.getByRole('button', { name: 'Show' }).click();
    await see(page.getByRole('heading', { name: 'A past view' }));
    await seeCount(page.getByRole('row', { name: /ID/ }), 0);
    await see(page.getByRole('row', { name: /OR ratified/ }));
    await visit(page, 'compact-as-of');
  });

  it('pledge, request, offer, acceptance, receipt, and a reimbursement claimed, approved and paid', async () => {
    // Washington pledges.
    await wa.page.goto(`${compactUrl}/resources`);
    const pledgeForm = wa.page.locator('form', { has: wa.page.getByRole('button', { name: 'Make pledge' }) });
    await pledgeForm.getByLabel('Resource type').fill('water-tanker');
    await pledgeForm.getByLabel('Unit').fill('each');
    await pledgeForm.getByLabel('Quantity').fill('10');
    await pledgeForm.getByRole('button', { name: 'Make pledge' }).click();
    await see(wa.page.getByRole('table', { name: 'Standing offers of capacity' }).getByRole('row', { name: /WA water-tanker \(each\) 10 0 10 open/ }));

    // Oregon requests.
    await or.page.goto(`${compactUrl}/resources`);
    const requestForm = or.page.locator('form', { has: or.page.getByRole('button', { name: 'Make request' }) });
    await requestForm.getByLabel('Resource type').fill('water-tanker');
    await requestForm.getByLabel('Unit').fill('each');
    await requestForm.getByLabel('Quantity').fill('4');
    await requestForm.getByLabel('Justification').fill('Two fires east of the Cascades');
    await requestForm.getByRole('button', { name: 'Make request' }).click();
    await see(or.page.getByRole('table', { name: /Requests, each with the offers/ }).getByRole('row', { name: /OR water-tanker/ }));

    // Washington's home shows the request its pledge could fill.
    await wa.page.getByRole('link', { name: 'Home' }).click();
    await see(wa.page.getByRole('table', { name: /open requests matching a pledge/ }).getByRole('link', { name: /OR needs 4 each of water-tanker/ }), LIVE_MS);
    await wa.page.getByRole('link', { name: /OR needs 4 each of water-tanker/ }).click();

    // An offer beyond the pledge is refused, in words, next to the action.
    const offerForm = wa.page.locator('form', { has: wa.page.getByRole('button', { name: 'Make offer' }) });
    await offerForm.getByLabel('Quantity').fill('12');
    await offerForm.getByRole('button', { name: 'Make offer' }).click();
    await seeText(offerForm.getByRole('alert'), 'The offer was not made');
    await offerForm.getByLabel('Quantity').fill('4');
    await offerForm.getByLabel('Cost estimate in USD (optional)').fill('1000');
    await offerForm.getByRole('button', { name: 'Make offer' }).click();
    await see(wa.page.getByRole('link', { name: 'WA offers 4' }));
    await visit(wa.page, 'resource-board');

    // Oregon accepts from its home, then confirms receipt.
    await or.page.getByRole('link', { name: 'Home' }).click();
    await or.page.getByRole('link', { name: /WA offers 4 each of water-tanker/ }).click({ timeout: LIVE_MS });
    await or.page.getByRole('button', { name: 'Accept offer' }).click();
    await or.page.getByRole('button', { name: 'Confirm receipt' }).click();
    await see(or.page.getByText('received', { exact: true }));

    // Washington claims: the categories must add up before the form submits.
    await wa.page.getByRole('link', { name: 'WA offers 4' }).click();
    await see(wa.page.getByText('received', { exact: true }), LIVE_MS);
    await wa.page.getByLabel('Amount in USD').fill('1000');
    await wa.page.getByLabel('Personnel').fill('600');
    await wa.page.getByLabel('Travel').fill('300');
    await wa.page.getByRole('button', { name: 'Claim reimbursement' }).click();
    await seeText(wa.page.locator('.usa-error-message'), 'add up to $900.00, not the amount of $1000.00');
    await expectAccessible(wa.page, 'reimbursement with a mismatch');
    const offerId = wa.page.url().split('/').pop() as string;
    expect((await stack.admin.get<{ reimbursements: unknown[] }>(`/offers/${offerId}`)).body.reimbursements).toEqual([]);
    await wa.page.getByLabel('Equipment').fill('100');
    await wa.page.getByRole('button', { name: 'Claim reimbursement' }).click();
    await see(wa.page.getByRole('row', { name: /\$1,000\.00 .*personnel \$600\.00.* claimed/ }));
    await visit(wa.page, 'offer');

    // Oregon approves and pays, and Washington sees it paid without a reload.
    await or.page.reload();
    await or.page.getByRole('button', { name: 'Approve' }).click();
    await or.page.getByRole('button', { name: 'Mark paid' }).click();
    await see(or.page.getByRole('row', { name: /paid/ }));
    await see(wa.page.getByRole('row', { name: /\$1,000\.00 .* paid/ }), LIVE_MS);

    const board = await stack.admin.get<{ pools: unknown[]; states: { stateCode: string; given: number; received: number }[] }>(`${compactUrl}/resources`);
    expect(board.body.states).toEqual(expect.arrayContaining([expect.objectContaining({ stateCode: 'WA', given: 4 }), expect.objectContaining({ stateCode: 'OR', received: 4 })]));
  });

  it('reads at 320 px wide without scrolling sideways', async () => {
    const narrow = await openConsole(browser, stack.api.url, { width: 320 });
    await signIn(narrow.page, 'or.coordinator', PASSWORD);
    for (const path of ['/', compactUrl, `${compactUrl}/resources`]) {
      await narrow.page.goto(path);
      await narrow.page.getByRole('heading', { level: 1 }).waitFor();
      await narrow.page.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(narrow.page);
      await expectAccessible(narrow.page, `${path} at 320 px`);
    }
    await narrow.page.getByRole('button', { name: 'Menu' }).click();
    await see(narrow.page.getByRole('link', { name: 'Resources' }));
    await narrow.context.close();
  });

  it('shows times in the reader\'s zone with UTC on hover, and signs out', async () => {
    await or.page.goto(compactUrl);
    const time = or.page.locator('time').first();
    await seeAttribute(time, 'title', /UTC/);
    await or.page.getByRole('button', { name: 'Sign out' }).click();
    await see(or.page.getByRole('heading', { name: 'Sign in to Coalition' }));
    for (const person of [wa, or]) expect((person.page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  it('changes my password: a wrong current one is told in words, the new one signs in, other sessions end', async () => {
    // Idaho's first browser stays signed in; a second one changes the password.
    const other = id;
    const mine = await openConsole(browser, stack.api.url);
    await signIn(mine.page, 'id.coordinator', PASSWORD);
    await mine.page.getByRole('link', { name: 'My account' }).click();
    await seeText(mine.page.getByRole('heading', { level: 1 }), 'Change my password');
    const fill = async (current: string, next: string) => {
      await mine.page.getByLabel('Current password').fill(current);
      await mine.page.getByLabel('New password', { exact: true }).fill(next);
      await mine.page.getByLabel('New password again').fill(next);
      await mine.page.getByRole('button', { name: 'Change password' }).click();
    };
    await fill('not my password at all', 'a brand new password');
    await seeText(mine.page.getByRole('alert'), 'The password was not changed');
    await expectAccessible(mine.page, 'change password with a problem');
    // A live-update poll asked with the old token is answered only after the change: the api
    // refuses that token by then, and this tab must not take the refusal for its new session's end
    // (on a slow machine a poll in flight across the change did, and the renew dialog blocked the page).
    const polls = /\/api\/v1\/events\?/;
    let release!: () => void;
    const changed = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    await mine.page.route(polls, async (route) => {
      holding();
      await changed;
      await route.continue();
    });
    // A poll with the old token is held before the change is asked for (the console polls one at
    // a time, so no other poll starts until it is answered).
    await held;
    await fill(PASSWORD, 'a brand new password');
    await see(mine.page.getByRole('heading', { name: 'Password changed' }));
    const refused = mine.page.waitForResponse((response) => polls.test(response.url()) && response.status() === 401);
    release();
    await refused;
    await mine.page.unroute(polls);
    // The tab goes on with its new token: live updates keep coming, and no dialog asks for the password.
    await mine.page.waitForResponse((response) => polls.test(response.url()) && response.status() === 200, { timeout: LIVE_MS });
    expect(await mine.page.getByRole('heading', { name: /Your session/ }).isVisible()).toBe(false);
    await visit(mine.page, 'change-password');

    // This tab goes on with the fresh token; the other tab's token no longer works.
    await mine.page.getByRole('link', { name: 'Compacts', exact: true }).click();
    await see(mine.page.getByRole('link', { name: 'Northwest Wildfire Mutual Aid Compact' }));
    // The other tab's next live-update poll is refused: it asks for the password by itself.
    await see(other.page.getByRole('heading', { name: 'Your session has ended' }));
    const old = await fetch(`${stack.api.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'id.coordinator', password: PASSWORD }) });
    expect(old.status).toBe(401);
    await mine.context.close();
  });
});
