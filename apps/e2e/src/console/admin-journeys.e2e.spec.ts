import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { ADMIN, Stack } from '../stack';
import { expectAccessible, expectNoSidewaysScroll, launchChromium, openConsole, Person, see, seeText, signIn, visit } from './browser';

jest.setTimeout(240_000);

const USER_PASSWORD = 'a long enough password';

/**
 * An administrator in Debian's Chromium against the built api and worker on the real
 * PostgreSQL and Kafka: registers a state and changes its population, creates and deactivates
 * a user, issues an API key (shown once, copied from the page) and revokes it, and registers a
 * webhook to a receiver on loopback that fails until the admin re-enables it.
 */
describe('the staff console: an administrator in a real browser', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Person;
  let receiver: Server;
  let receiverUrl: string;
  let receiverAnswers = 500;
  const received: string[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(receiverAnswers).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/coalition`;
    [stack, browser] = await Promise.all([
      // A loopback receiver, and retries short enough to see a webhook disabled within seconds.
      Stack.start({ env: { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_MAX_ATTEMPTS: '8', WEBHOOK_RETRY_BASE_MS: '10', WEBHOOK_TIMEOUT_MS: '1000' } }),
      launchChromium(),
    ]);
    admin = await openConsole(browser, stack.api.url);
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.api.url });
    await signIn(admin.page, ADMIN.username, ADMIN.password);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('registers a state and changes its population', async () => {
    const page = admin.page;
    await page.getByRole('banner').getByRole('link', { name: 'Administration' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Administration$/);
    await visit(page, 'admin');
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'States' }).click();
    await see(page.getByText('No state is registered yet.'));
    await page.getByLabel('Code').fill('WA');
    await page.getByLabel('Name').fill('Washington');
    await page.getByLabel('Population', { exact: true }).fill('7812880');
    await page.getByRole('button', { name: 'Register the state' }).click();
    await see(page.getByRole('row', { name: /WA Washington/ }));

    await page.getByLabel('Population of Washington').fill('7900000');
    await page.getByRole('button', { name: 'Save the population of Washington' }).click();
    await see(page.getByText('Population of Washington is now 7,900,000'));
    expect((await stack.admin.get<{ code: string; population: number }[]>('/states')).body).toEqual([expect.objectContaining({ code: 'WA', population: 7_900_000 })]);
    await visit(page, 'admin-states');
  });

  it('creates a user, saying first that the password is too short, and deactivates another', async () => {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Users' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Users$/);
    const create = async (username: string, password: string) => {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Full name').fill(`${username} of Washington`);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
      // USWDS draws its own box over the input: a person clicks the label.
      if (!(await page.getByLabel('Coordinator').isChecked())) await page.locator('label', { hasText: /^Coordinator$/ }).click();
      await page.getByLabel('State', { exact: true }).selectOption('WA');
      await page.getByRole('button', { name: 'Create the user' }).click();
    };
    await create('wa.coordinator', 'too short');
    await seeText(page.getByRole('alert'), 'The password needs at least 12 characters.');
    await expectAccessible(page, 'users, password too short');
    await create('wa.coordinator', USER_PASSWORD);
    await see(page.getByRole('row', { name: /wa\.coordinator .* coordinator WA active/ }));
    const before = stack.bearer(await stack.login('wa.coordinator', USER_PASSWORD));
    expect((await before.get('/auth/me')).status).toBe(200);

    // A lost password: the admin sets a new one (the rule said first), and the old sessions end.
    const coordinator = page.getByRole('row', { name: /wa\.coordinator/ });
    await coordinator.getByRole('button', { name: 'Reset password of wa.coordinator' }).click();
    await coordinator.getByLabel('New password for wa.coordinator').fill('short');
    await coordinator.getByRole('button', { name: 'Set the password of wa.coordinator' }).click();
    await seeText(coordinator.getByRole('alert'), 'The password needs at least 12 characters.');
    await coordinator.getByLabel('New password for wa.coordinator').fill('a new password after the reset');
    await coordinator.getByRole('button', { name: 'Set the password of wa.coordinator' }).click();
    await see(page.getByText('The password of wa.coordinator is set; their sessions have ended.'));
    expect((await before.get('/auth/me')).status).toBe(401);
    expect((await stack.login('wa.coordinator', 'a new password after the reset')).length).toBeGreaterThan(0);

    await create('wa.departed', USER_PASSWORD);
    const departed = page.getByRole('row', { name: /wa\.departed/ });
    await see(departed.getByText('active', { exact: true }));
    const token = await stack.login('wa.departed', USER_PASSWORD);
    await departed.getByRole('button', { name: 'Deactivate wa.departed' }).click();
    await see(departed.getByText('deactivated', { exact: true }));
    expect((await stack.bearer(token).get('/auth/me')).status).toBe(401);
    await visit(page, 'admin-users');
  });

  it('issues an API key, shows it once with a copy button, and revokes it', async () => {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'API keys' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^API keys$/);
    await see(page.getByText('No API key has been issued.'));
    await page.getByLabel('Name').fill('WA emergency operations center');
    await page.getByLabel('State it acts for').selectOption('WA');
    await page.locator('label', { hasText: /^read:/ }).click();
    expect(await page.getByLabel(/^read:/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Issue the key' }).click();

    await see(page.getByRole('heading', { name: 'The key for WA emergency operations center' }));
    const key = (await page.locator('#issued-key').innerText()).trim();
    expect(key.length).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Copy the key' }).click();
    await see(page.getByText('Copied to the clipboard.'));
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(key);
    await visit(page, 'admin-api-keys');

    const withKey = stack.apiKey(key);
    expect((await withKey.get('/compacts')).status).toBe(200);
    const row = page.getByRole('row', { name: /WA emergency operations center/ });
    await row.getByRole('button', { name: 'Revoke WA emergency operations center' }).click();
    await see(row.getByText('revoked', { exact: true }));
    expect((await withKey.get('/compacts')).status).toBe(401);
    // Shown once: after a reload the page has the key's name, never the key.
    await page.reload();
    await see(page.getByRole('row', { name: /WA emergency operations center/ }));
    expect(await page.content()).not.toContain(key);
  });

  it('registers a webhook, shows its failed deliveries once disabled, and re-enables it', async () => {
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByLabel('Address').fill(receiverUrl);
    await page.getByLabel('Event types').fill('PopulationChanged, StateRegistered');
    await page.getByLabel('Signing secret').fill('a signing secret of some length');
    await page.getByRole('button', { name: 'Register the webhook' }).click();
    const link = page.getByRole('link', { name: receiverUrl });
    await see(link);
    await visit(page, 'admin-webhooks');

    // Something to deliver; the receiver refuses every attempt until the webhook is disabled.
    expect((await stack.admin.patch('/states/WA', { population: 7_950_000 })).status).toBe(200);
    await link.click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Webhook$/);
    await see(page.getByRole('heading', { name: 'Deliveries are stopped' }), 30_000).catch(async () => {
      await page.reload();
      await see(page.getByRole('heading', { name: 'Deliveries are stopped' }), 15_000);
    });
    const deliveries = page.getByRole('table', { name: 'Delivery attempts' });
    await see(deliveries.getByText('HTTP 500'));
    expect(received.length).toBeGreaterThanOrEqual(8);
    await visit(page, 'admin-webhook');

    receiverAnswers = 204;
    await page.getByRole('button', { name: 'Re-enable the webhook' }).click();
    await see(page.getByText('active', { exact: true }));
    await seeText(deliveries, 'delivered', 15_000);
    expect(JSON.parse(received[received.length - 1])).toMatchObject({ type: expect.stringContaining('population-changed') });
  });

  it('reads every administration page at 320 px wide without scrolling sideways', async () => {
    const page = admin.page;
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      for (const path of ['/admin/states', '/admin/users', '/admin/api-keys', '/admin/webhooks']) {
        await page.goto(path);
        await see(page.locator('tbody tr'));
        await expectNoSidewaysScroll(page);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
