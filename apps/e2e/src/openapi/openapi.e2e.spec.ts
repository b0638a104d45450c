import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack } from '../stack';
import { COMMITTED_TYPES, generateClientTypes } from './generated-client';

/** The OpenAPI document of the running api, and the typed client generated from it. */
describe('the OpenAPI document', () => {
  let stack: Stack;
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'coalition-openapi-'));
    stack = await Stack.start();
  }, 90_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('generates exactly the typed client committed in libs/api-client (run `npm run api-client:generate` after changing the api)', async () => {
    const generated = join(workDir, 'coalition-api.d.ts');
    await generateClientTypes(stack.api.url, generated);
    expect(readFileSync(generated, 'utf8')).toBe(readFileSync(COMMITTED_TYPES, 'utf8'));
  }, 30_000);
});
