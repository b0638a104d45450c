import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { sleep } from './stats';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = join(ROOT, 'bench', 'results');
const REGISTER = join(ROOT, 'tools', 'register-aliases.js');

/** `BENCH_CPU_PROF=<dir>` profiles every process the benchmark starts (node --cpu-prof). */
function profileFlags(label: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return [];
  mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${resolve(dir)}`, `--cpu-prof-name=${label}-${Date.now()}.cpuprofile`];
}

/**
 * Runs one measurement in a fresh node process of its own, so contenders never share a V8
 * heap, a JIT warm-up or process-wide settings (Emmett's driver installs global pg type
 * parsers, for one). The child prints its result as the last `RESULT <json>` line.
 */
export async function runChild<T>(task: Record<string, unknown> & { kind: string }): Promise<T> {
  const label = [task.kind, task.system].filter(Boolean).join('-');
  const child = spawn(process.execPath, [...profileFlags(label), '--expose-gc', '-r', REGISTER, join(ROOT, 'dist/bench/child.js'), JSON.stringify(task)], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (code !== 0 || !line) throw new Error(`${label} failed (exit ${code}):\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice('RESULT '.length)) as T;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningApp {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a built app exactly as `npm run start:api` / `start:worker` would; its output goes to a log file. */
export async function startApp(app: 'api' | 'worker', env: Record<string, string>, logFile: string): Promise<RunningApp> {
  const port = await freePort();
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Straight into a file, as a deployment's log collector would take it: no pipe through us.
  const log = openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [...profileFlags(app), '-r', REGISTER, join(ROOT, `dist/apps/${app}/src/main.js`)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  // Two minutes: the embedded default migrates PGlite at start, slow on a busy shared machine.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}; see ${logFile}`);
    if (await fetch(`${url}/health/live`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} did not start within 120 s; see ${logFile}`);
    }
    await sleep(200);
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolveStop();
        });
        child.kill('SIGTERM');
      }),
  };
}
