import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Example, extractExamples, showsExpected } from './doc-examples/extract';
import { freePort, ROOT, startApp } from './processes';

jest.setTimeout(300_000);

const ADMIN_PASSWORD = 'admin password 123';
const FILES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const examples: Example[] = FILES.flatMap((file) => extractExamples(file, readFileSync(join(ROOT, file), 'utf8')));
const MARK = '@@doc-test-step@@';

/**
 * What the harness provides, so the blocks run as written: a fresh embedded app (it stands for
 * the block's `npm start`, whose lines are left out) started with BOOTSTRAP_ADMIN_USERNAME=admin
 * and BOOTSTRAP_ADMIN_PASSWORD='admin password 123' (which also stands for `<printed password>`),
 * reached where the block says `localhost:3000`.
 */
const scriptFor = (example: Example, port: number): string =>
  example.steps
    .map((step) =>
      step.script
        .split('\n')
        .filter((line) => !/^\s*npm start\b/.test(line))
        .join('\n')
        .replace(/localhost:3000/g, `127.0.0.1:${port}`)
        .replace(/<printed password>/g, ADMIN_PASSWORD),
    )
    .join(`\nprintf '\\n${MARK}\\n'\n`);

function bash(script: string, cwd: string): Promise<{ status: number | null; output: string }> {
  const child = spawn('bash', ['-c', script], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

/** Every shell example of README.md and docs/*.md, run against a fresh embedded app; the outputs they show are checked. */
describe('the documentation examples', () => {
  it('has examples, and a reason for each that is not run', () => {
    expect(examples.filter((e) => !e.skip).length).toBeGreaterThanOrEqual(1);
    for (const skipped of examples.filter((e) => e.skip)) expect(skipped.skip?.length).toBeGreaterThan(5);
  });

  const runnable = examples.filter((e) => !e.skip).map((e) => [`${e.file}:${e.line}`, e] as const);
  it.each(runnable)('%s runs and shows what it says', async (_where, example) => {
    const dir = mkdtempSync(join(tmpdir(), 'coalition-docs-'));
    const app = await startApp('api', { DATA_DIR: join(dir, 'data'), BOOTSTRAP_ADMIN_USERNAME: 'admin', BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD }, freePort());
    try {
      const { status, output } = await bash(scriptFor(example, Number(new URL(app.url).port)), dir);
      const segments = output.split(`\n${MARK}\n`);
      example.steps.forEach((step, i) => {
        if (step.expected === undefined) return;
        const shown = segments[i] ?? '';
        expect({ step: step.script.split('\n').slice(-2).join('\n'), shown: showsExpected(shown, step.expected) ? 'as documented' : shown.trim().slice(-600) }).toEqual({
          step: step.script.split('\n').slice(-2).join('\n'),
          shown: 'as documented',
        });
      });
      expect({ status, tail: status === 0 ? '' : output.slice(-800) }).toEqual({ status: 0, tail: '' });
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
