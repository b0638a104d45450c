import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const ASYNCAPI_FILE = join('docs', 'asyncapi.yaml');

/** Finds docs/asyncapi.yaml in the first folder above `from` that has it: the sources in tests, dist/.. when built, /app in the image. */
export function findAsyncApiDocument(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, ASYNCAPI_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${ASYNCAPI_FILE} not found above ${from}`);
  }
}

export const loadAsyncApiDocument = (): string => readFileSync(findAsyncApiDocument(), 'utf8');
