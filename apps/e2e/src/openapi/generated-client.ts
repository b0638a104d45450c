import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../processes';

/** The typed client's committed types. */
export const COMMITTED_TYPES = join(ROOT, 'libs/api-client/src/generated/coalition-api.d.ts');

/**
 * Generates the client types of the api at `apiUrl` with openapi-typescript into `out`, by the
 * same built tool as `npm run api-client:generate` (openapi-typescript loads its ES module
 * dependencies through Node's own require, which jest's module system does not offer).
 */
export async function generateClientTypes(apiUrl: string, out: string): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ROOT, 'dist/tools/generate-api-client.js'), '--from', apiUrl, '--out', out], { cwd: ROOT });
}
