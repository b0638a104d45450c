import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../processes';

type Derived = Record<string, { code: string; kind?: string; status?: number }[]>;

/** tools/derive-route-problems.ts, built: the problems each route's code can answer, read from that code. */
describe('the problems each route can answer', () => {
  let derived: Derived;
  let module: string;

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist/tools/derive-route-problems.js'), '--json'], { cwd: ROOT, maxBuffer: 10_000_000 });
    ({ problems: derived, module } = JSON.parse(stdout) as { problems: Derived; module: string });
  }, 60_000);

  const codes = (route: string) => derived[route].map((problem) => problem.code);

  it('are the ones the api documents (route-problems.generated.ts; run `npm run api-client:generate` after changing a rule or a handler)', () => {
    expect(module).toBe(readFileSync(join(ROOT, 'apps/api/src/common/openapi/route-problems.generated.ts'), 'utf8'));
  });

  it('follow a route into its command handler, the deciders and the helpers they call', () => {
    expect(derived['MakeOfferController.offer']).toEqual(
      expect.arrayContaining([
        { kind: 'conflict', code: 'INSUFFICIENT_PLEDGE' },
        { kind: 'conflict', code: 'RESOURCE_MISMATCH' },
        { kind: 'conflict', code: 'SELF_FULFILMENT' },
        { kind: 'conflict', code: 'REQUEST_CLOSED' },
        { kind: 'conflict', code: 'NOT_RATIFIED' },
        { kind: 'forbidden', code: 'FORBIDDEN' },
        { kind: 'not-found', code: 'NOT_FOUND' },
      ]),
    );
    // Only what that command's branch of the decider can reach.
    expect(codes('MakeOfferController.offer')).not.toContain('EXCEEDS_REQUEST');
    expect(codes('AcceptOfferController.acceptOffer')).toContain('EXCEEDS_REQUEST');
    // Two deciders behind one route: the compact's application and the admission proposal it opens.
    expect(codes('JoinCompactController.join')).toEqual(expect.arrayContaining(['ALREADY_APPLIED', 'ALREADY_MEMBER', 'COMPACT_NOT_ACTIVE']));
    expect(codes('WithdrawSignatureController.withdraw')).toEqual(expect.arrayContaining(['LEAD_CANNOT_WITHDRAW', 'NOT_A_SIGNATORY', 'ACTION_FILED']));
    // A GET's own http problems (a Nest exception, our problem()).
    expect(derived['GetLegalActionController.get']).toEqual([{ status: 404, code: 'NOT_FOUND' }]);
    expect(derived['ListWebhooksController.get']).toEqual(expect.arrayContaining([{ status: 403, code: 'FORBIDDEN' }]));
  });
});
