import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { ROOT } from '../processes';

/** Debian's Chromium (`.ci/run` installs it), never a downloaded browser build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const SCREENSHOTS = join(ROOT, 'docs', 'console');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A signed-in person: one browser context (its own session storage) and its page. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

export async function openConsole(browser: Browser, baseUrl: string, options: { width?: number; timezoneId?: string } = {}): Promise<Person> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width ?? 1280, height: 900 },
    timezoneId: options.timezoneId ?? 'America/Los_Angeles',
    locale: 'en-US',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  return { context, page };
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(new RegExp(`^Signed in as ${username}[, ]`)).waitFor();
}

/** axe-core over the page as it is now: every WCAG 2.0/2.1 A and AA rule, 0 violations. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
  if (violations.length > 0) throw new Error(`axe found ${violations.length} violation(s) on ${where}:\n${violations.join('\n')}`);
}

/** Checks the page with axe, then saves its picture for docs/console. */
export async function visit(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await expectAccessible(page, name);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Presses Tab until `target` has the focus (the keyboard alone, as a person without a mouse would). */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element.matches(':focus')).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The page never scrolls sideways at this width (320 px: WCAG 1.4.10 reflow). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const scroll = await page.locator('html').evaluate((html) => html.scrollWidth);
  const width = page.viewportSize()?.width ?? 0;
  if (scroll > width) throw new Error(`the page is ${scroll} px wide at a ${width} px viewport`);
}

/** Waits (up to `timeoutMs`) until `check` holds; throws with `what` otherwise. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** On a failed expectation, a picture of the page under tmp/ (git-ignored) shows what was there instead. */
async function pictureOnFailure<T>(locator: Locator, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const path = join(ROOT, 'tmp', `console-failure-${Date.now()}.png`);
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    await locator.page().screenshot({ path, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n(page picture: ${path})`);
  }
}

/** The element is (or becomes) visible. */
export const see = (locator: Locator, timeoutMs = 15_000) => pictureOnFailure(locator, () => locator.first().waitFor({ state: 'visible', timeout: timeoutMs }));

/** Some element of the locator shows the text (a string is a substring; a RegExp must match). */
export const seeText = (locator: Locator, expected: string | RegExp, timeoutMs = 15_000) =>
  pictureOnFailure(locator, () => until(`${locator} to show ${expected}`, async () => {
    const texts = await locator.allInnerTexts();
    return texts.some((text) => (typeof expected === 'string' ? text.includes(expected) : expected.test(text)));
  }, timeoutMs));

export const seeCount = (locator: Locator, count: number, timeoutMs = 15_000) =>
  until(`${locator} to count ${count}`, async () => (await locator.count()) === count, timeoutMs);

export const seeChecked = (locator: Locator) => until(`${locator} to be checked`, () => locator.isChecked());

export const seeAttribute = (locator: Locator, name: string, expected: RegExp) =>
  until(`${locator} [${name}] to match ${expected}`, async () => expected.test((await locator.getAttribute(name)) ?? ''));
