import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
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

/**
 * Type-checks `file` under --strict against the client types in `types` (its imports of
 * `@coalition/api-client` resolve to the library with those types), and refuses the escapes a
 * type check cannot see: `as` casts, `<T>x` assertions, `!` and `any`. Answers the faults, one a
 * line. tsc runs as its own process, so this one keeps serving its sockets meanwhile.
 */
export async function typeCheckAgainst(file: string, types: string): Promise<string[]> {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'tmp', 'client-check-'));
  try {
    mkdirSync(join(dir, 'generated'));
    copyFileSync(types, join(dir, 'generated', 'coalition-api.d.ts'));
    copyFileSync(join(ROOT, 'libs/api-client/src/index.ts'), join(dir, 'index.ts'));
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      module: 'commonjs',
      moduleResolution: 'node10',
      esModuleInterop: true,
      skipLibCheck: true,
      lib: ['ES2022'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules/@types')],
      baseUrl: dir,
      paths: { '@coalition/api-client': ['index.ts'] },
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: [file] }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const faults = await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], { cwd: ROOT }).then(
      () => [],
      (failed: { stdout?: string }) => (failed.stdout ?? String(failed)).split('\n').filter(Boolean),
    );
    return [...faults, ...escapesIn(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function escapesIn(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const isConst = ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === 'const';
    if ((ts.isAsExpression(node) && !isConst) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node) || node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${source.fileName}:${line + 1}: ${node.getText()} escapes the type check`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
