import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Browser } from 'playwright-core';
import { formatSignerKey, parseSignerKey, verifierKeyOf } from '@coalition/transparency-log';
import { draftCompact, expectStatus, inSeconds, ratify, readUntil, vote } from '../compacts.fixture';
import { Caller, PASSWORD, Stack } from '../stack';
import { startWitness, WitnessProcess } from '../witness-process';
import { expectAccessible, expectNoSidewaysScroll, launchChromium, openConsole, Person, see, seeCount, seeText, signIn, visit } from './browser';

jest.setTimeout(240_000);

interface AuditItem {
  position: number;
  hash: string;
  type: string;
  streamId: string;
}
interface DecisionRecord {
  votes: { stateCode: string; choice: string; position: number; hash: string; inclusion?: { treeSize: number; proof: string[] } }[];
}

/**
 * An auditor in Debian's Chromium against the built api and worker on the real PostgreSQL and
 * Kafka: reads and filters the log page by page, opens an aggregate's history, verifies the
 * chain, opens a proposal's decision record and follows each vote to its event, downloads
 * exports, and finally sees the chain break where a database administrator changed an event.
 * Two witnesses (WA's and OR's) cosign the log's checkpoints, and the decision record checks each
 * vote's inclusion proof against the cosigned checkpoint in the browser.
 */
describe('the staff console: an auditor in a real browser', () => {
  let stack: Stack;
  let browser: Browser;
  let auditor: Person;
  let api: Caller;
  let proposalId: string;
  const logSigningKey = formatSignerKey('coalition.e2e/log', randomBytes(32));
  const witnesses: WitnessProcess[] = [];

  /** Every event of the log, through the api's own paging. */
  const allEvents = async (): Promise<AuditItem[]> => {
    const events: AuditItem[] = [];
    for (let after = 0; ; ) {
      const page = await api.get<{ events: AuditItem[]; nextAfter: number }>(`/audit/events?after=${after}&limit=1000`);
      events.push(...page.body.events);
      if (page.body.events.length === 0) return events;
      after = page.body.nextAfter;
    }
  };

  /** The latest checkpoint once it covers the whole log and both witnesses have cosigned it. */
  const cosignedCheckpoint = async (): Promise<number> => {
    const deadline = Date.now() + 60_000;
    const headers = { authorization: `Bearer ${await stack.login('auditor')}` };
    for (;;) {
      const events = await allEvents();
      const note = await fetch(`${stack.api.url}/api/v1/audit/checkpoint`, { headers }).then((r) => r.text());
      const size = Number(note.split('\n')[1]);
      if (size === events[events.length - 1].position && note.includes('\u2014 wa.example/witness ') && note.includes('\u2014 or.example/witness ')) return size;
      if (Date.now() > deadline) throw new Error(`no cosigned checkpoint of the whole log: ${note}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coalition-auditor-e2e-'));
    const logKey = verifierKeyOf(parseSignerKey(logSigningKey));
    witnesses.push(await startWitness(join(dir, 'wa'), 'wa.example/witness', logKey), await startWitness(join(dir, 'or'), 'or.example/witness', logKey));
    const env = { LOG_SIGNING_KEY: logSigningKey, WITNESSES: witnesses.map((w) => w.entry).join(','), AUDIT_CHECKPOINT_EVERY_EVENTS: '1', AUDIT_CHECKPOINT_INTERVAL_MS: '1000' };
    [stack, browser] = await Promise.all([Stack.start({ env }), launchChromium()]);
    for (const code of ['WA', 'OR', 'CA']) await stack.registerState(code);
    // Enough events for the log to run over more than one page of 25.
    for (const code of ['AL', 'AK', 'AZ', 'AR', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'IL', 'IN']) await stack.registerState(code);
    const [wa, or, ca] = await Promise.all(['WA', 'OR', 'CA'].map((code) => stack.coordinator(code)));
    api = await stack.auditor();
    const { id: compactId } = await draftCompact(wa);
    for (const caller of [wa, or, ca]) expectStatus(await ratify(caller, compactId), 200);
    const opened = expectStatus(
      await wa.post(`/compacts/${compactId}/proposals`, { kind: 'resolution', title: 'Share engine crews in August', text: 'Resolved, that...', closesAt: inSeconds(3600) }),
      201,
    );
    proposalId = String(opened.body.id);
    expectStatus(await vote(wa, proposalId, 'yes'), 200);
    expectStatus(await vote(or, proposalId, 'no'), 200);
    expectStatus(await vote(or, proposalId, 'yes'), 200);
    expectStatus(await vote(ca, proposalId, 'abstain'), 200);
    await readUntil<{ status: string }>(api, `/proposals/${proposalId}`, (p) => p.status !== 'open');
    auditor = await openConsole(browser, stack.api.url);
    await signIn(auditor.page, 'auditor', PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    for (const w of witnesses) w.child.kill('SIGTERM');
  });

  it('reads the log page by page and filters it by type and state', async () => {
    const page = auditor.page;
    const total = (await allEvents()).length;
    expect(total).toBeGreaterThan(25);
    await page.getByRole('banner').getByRole('link', { name: 'Audit', exact: true }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Audit log$/);
    const table = page.getByRole('table', { name: 'Events after position 0' });
    await seeCount(table.locator('tbody tr'), 25);
    await visit(page, 'audit-log');

    await page.getByRole('button', { name: 'Next page' }).click();
    const second = page.getByRole('table', { name: 'Events after position 25' });
    await seeCount(second.locator('tbody tr'), Math.min(25, total - 25));
    await page.getByRole('button', { name: 'Previous page' }).click();
    await seeCount(page.getByRole('table', { name: 'Events after position 0' }).locator('tbody tr'), 25);

    await page.getByLabel('Event type').fill('VoteCast');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await seeCount(page.locator('tbody tr'), 4);
    await page.getByLabel('State of the actor').fill('OR');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await seeCount(page.locator('tbody tr'), 2);
    expect(new URL(page.url()).searchParams.get('stateCode')).toBe('OR');
    await expectAccessible(page, 'audit log, filtered');

    // A time window that ends before anything happened holds nothing.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Recorded until (your time zone)').fill('2020-01-01T00:00');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await see(page.getByText('No event matches.'));
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it("opens an aggregate's history from the log", async () => {
    const page = auditor.page;
    await page.getByRole('link', { name: 'member-state-WA' }).first().click();
    await seeText(page.getByRole('heading', { level: 1 }), 'History of member-state-WA');
    await seeText(page.locator('tbody tr').first(), 'StateRegistered');
    await visit(page, 'audit-stream');
  });

  it('verifies the chain and shows the head it checked', async () => {
    const page = auditor.page;
    const events = await allEvents();
    const head = events[events.length - 1];
    await page.goto('/audit');
    await page.getByRole('link', { name: 'Verify the chain' }).click();
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await see(page.getByRole('heading', { name: 'The chain is intact' }));
    await seeText(page.locator('.usa-alert--success'), new RegExp(`\\d+ events checked\\. Head at position \\d+`));
    const shown = await page.locator('.usa-alert--success').innerText();
    expect(Number(/Head at position (\d+)/.exec(shown)?.[1])).toBeGreaterThanOrEqual(head.position);
    await visit(page, 'audit-verify');
  });

  it('opens the decision record, sees each vote checked in the browser, and follows it to its event', async () => {
    const page = auditor.page;
    const size = await cosignedCheckpoint();
    const record = (await api.get<DecisionRecord>(`/audit/decisions/${proposalId}`)).body;
    await page.goto('/audit');
    await page.getByRole('link', { name: 'Decision records' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), /^Decision records$/);
    await visit(page, 'decision-records');
    await page.getByRole('link', { name: 'Share engine crews in August' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), 'Decision record: Share engine crews in August');
    const votes = page.getByRole('table', { name: /Every vote in the order cast/ });
    await seeCount(votes.locator('tbody tr'), 4);
    for (const [index, recorded] of record.votes.entries()) {
      const row = votes.locator('tbody tr').nth(index);
      await seeText(row, `${recorded.stateCode}`);
      await seeText(row, recorded.choice);
      await see(row.getByRole('link', { name: `Event at position ${recorded.position}` }));
      expect(await row.locator('abbr').getAttribute('title')).toBe(recorded.hash);
      await seeText(row, `Included in the log at size ${size}, signed by the log and cosigned by wa.example/witness, or.example/witness`);
    }
    await seeText(page.getByRole('status'), 'All 4 votes checked in this browser against the signed checkpoint.');
    await see(page.getByText(/^passed on/));
    await visit(page, 'decision-record');

    const changed = record.votes[1];
    await votes.getByRole('link', { name: `Event at position ${changed.position}` }).click();
    const row = page.locator(`#position-${changed.position}`);
    await see(row);
    await seeText(row, 'VoteCast');
    expect(await row.locator('abbr').getAttribute('title')).toBe(changed.hash);
    expect(await row.getAttribute('class')).toContain('bg-accent-warm-lighter');
    await expectAccessible(page, 'proposal history at a vote');
  });

  it('says in words which vote does not match the signed checkpoint when its proof was changed on the way', async () => {
    const page = auditor.page;
    const route = `**/api/v1/audit/decisions/${proposalId}*`;
    // A proxy (or a compromised server) that flips one bit of the second vote's proof.
    await page.route(route, async (intercepted) => {
      const response = await intercepted.fetch();
      const body = (await response.json()) as DecisionRecord;
      const proof = body.votes[1].inclusion?.proof ?? [];
      const bytes = Buffer.from(proof[0], 'base64');
      bytes[0] ^= 0x01;
      proof[0] = bytes.toString('base64');
      await intercepted.fulfill({ response, json: body });
    });
    try {
      await page.goto(`/audit/decisions/${proposalId}`);
      const rows = page.getByRole('table', { name: /Every vote in the order cast/ }).locator('tbody tr');
      await seeText(rows.nth(1), /not verified\s+Proof does not match the signed checkpoint/i);
      await seeText(rows.nth(0), /verified here\s+Included in the log at size \d+, signed by the log and cosigned by wa\.example\/witness, or\.example\/witness/i);
      await seeText(page.getByRole('status'), '3 of 4 votes checked in this browser against the signed checkpoint; 1 did not verify.');
      await expectAccessible(page, 'decision record with a changed proof');
    } finally {
      await page.unroute(route);
    }
  });

  it('follows a proposal page to its decision record', async () => {
    const page = auditor.page;
    await page.goto(`/proposals/${proposalId}`);
    await seeText(page.getByRole('heading', { level: 1 }), 'Share engine crews in August');
    await page.getByRole('link', { name: 'Decision record of this proposal' }).click();
    await seeText(page.getByRole('heading', { level: 1 }), 'Decision record: Share engine crews in August');
    expect(new URL(page.url()).pathname).toBe(`/audit/decisions/${proposalId}`);
  });

  it('downloads the log as NDJSON and as CSV', async () => {
    const page = auditor.page;
    const events = await allEvents();
    await page.goto('/audit');
    const [ndjson] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download NDJSON' }).click()]);
    expect(ndjson.suggestedFilename()).toMatch(/^coalition-audit-.*\.ndjson$/);
    const lines = readFileSync(await ndjson.path(), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditItem);
    expect(lines.map((line) => [line.position, line.hash])).toEqual(events.map((event) => [event.position, event.hash]));
    await see(page.getByText(/^Downloaded coalition-audit-.*\.ndjson\.$/));

    await page.getByLabel('Event type').fill('VoteCast');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await seeCount(page.locator('tbody tr'), 4);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const rows = readFileSync(await csv.path(), 'utf8').trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/position/);
    expect(rows).toHaveLength(1 + 4);
    expect(rows.slice(1).every((line) => line.includes('VoteCast'))).toBe(true);
  });

  it('reads the log, a history and a decision record at 320 px wide without scrolling sideways', async () => {
    const page = auditor.page;
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      for (const path of ['/audit', `/audit/decisions/${proposalId}`, `/audit/streams/proposal-${proposalId}`]) {
        await page.goto(path);
        await see(page.locator('tbody tr'));
        await expectNoSidewaysScroll(page);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows where the chain breaks after an event was changed behind the api', async () => {
    const events = await allEvents();
    const victim = events.find((event) => event.streamId === 'member-state-OR') as AuditItem;
    // A database administrator who disables the append-only trigger: what the chain exists to catch.
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query('ALTER TABLE events DISABLE TRIGGER events_no_update');
      await db.query(`UPDATE events SET data = jsonb_set(data, '{population}', '5') WHERE position = $1`, [victim.position]);
      await db.query('ALTER TABLE events ENABLE TRIGGER events_no_update');
      await db.query('COMMIT');
    } finally {
      await db.end();
    }
    const page = auditor.page;
    await page.goto('/audit/verify');
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await see(page.getByRole('heading', { name: `The chain is broken at position ${victim.position}` }));
    await visit(page, 'audit-verify-broken');
    await page.getByRole('link', { name: `See the events from position ${victim.position}` }).click();
    await see(page.locator(`#position-${victim.position}`));
  });
});
