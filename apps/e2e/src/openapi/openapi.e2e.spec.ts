import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { ADMIN, Stack } from '../stack';
import { runClientFlow } from './client-flow';
import { COMMITTED_TYPES, generateClientTypes, typeCheckAgainst } from './generated-client';
import { responseConformance } from './response-conformance';

/** The OpenAPI document of the running api (production shape), and the typed client generated from it. */
describe('the OpenAPI document', () => {
  let stack: Stack;
  let workDir: string;
  let generated: string;
  let document: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'coalition-openapi-'));
    stack = await Stack.start();
    generated = join(workDir, 'coalition-api.d.ts');
    await generateClientTypes(stack.api.url, generated);
    document = await (await fetch(`${stack.api.url}/docs-json`)).text();
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('passes Spectral’s spectral:oas ruleset with no error and no warning', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
    const results = await spectral.run(new Document(document, Json, '/docs-json'));
    expect(results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  }, 60_000);

  it('generates exactly the typed client committed in libs/api-client (run `npm run api-client:generate` after changing the api)', () => {
    expect(readFileSync(generated, 'utf8')).toBe(readFileSync(COMMITTED_TYPES, 'utf8'));
  });

  it('types a whole session under --strict with no casts, and the session runs as typed, every answer as documented', async () => {
    expect(await typeCheckAgainst(join(__dirname, 'client-flow.ts'), generated)).toEqual([]);

    const conformance = responseConformance(JSON.parse(document) as Parameters<typeof responseConformance>[0]);
    const outcome = await runClientFlow({ baseUrl: stack.api.url, inspect: conformance.middleware }, ADMIN.username, ADMIN.password);
    expect(conformance.faults).toEqual([]);
    expect(conformance.checked()).toBeGreaterThan(35);
    expect(outcome.compact).toEqual({
      status: 'active',
      members: [{ stateCode: 'WA', status: 'ratified' }, { stateCode: 'OR', status: 'ratified' }],
      streamId: expect.stringMatching(/^compact-[0-9a-f-]{36}$/),
      charterVersion: 1,
    });
    expect(outcome.proposal).toEqual({ status: 'passed', yes: 2, quorumMet: true, votes: 2 });
    expect(outcome.lateVoteRefusedWith).toEqual({ status: 409, code: 'PROPOSAL_CLOSED' });
    expect(outcome.request).toEqual({ status: 'fulfilled', accepted: 4, outstanding: 0, offerStatus: 'accepted' });
    expect(outcome.pledgeRemaining).toBe(6);
    expect(outcome.legalAction).toEqual({ status: 'open', signatories: ['WA', 'OR'] });
    expect(outcome.audit.chainIntact).toBe(true);
    expect(outcome.audit.checkedEvents).toBeGreaterThan(10);
    expect(outcome.audit.compactEventTypes).toEqual(['CompactDrafted', 'CompactRatified', 'CompactRatified', 'CompactActivated']);
    expect(outcome.feedTypes).toEqual(expect.arrayContaining(['coalition.compact.compact-ratified.v1', 'coalition.resource-pool.offer-accepted.v1']));
    expect(outcome.feedTypes.some((type) => type.startsWith('coalition.legal-action'))).toBe(false);
    expect(outcome.agencyKey).toEqual({ kind: 'api-key', stateCode: 'WA', scopes: ['read', 'resources:write'] });
  }, 90_000);
});
