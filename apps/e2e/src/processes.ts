import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export interface RunningApp {
  url: string;
  pid: number;
  output: () => string;
  /** Still running (not exited or killed). */
  alive: () => boolean;
  /** SIGTERM, then SIGKILL after 10 s; resolves once it has exited. */
  stop: () => Promise<void>;
  /** Sends `signal` (a crash: `SIGKILL`) and resolves once it has exited. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

/**
 * Starts a built app (`npm test` builds first) as its own process, exactly as
 * `npm run start:api` / `start:worker` would, and waits until it answers /health/live.
 */
export async function startApp(
  app: 'api' | 'worker',
  env: Record<string, string>,
  port: number,
  retriesLeft = 5,
  /** `terminal`: run it under a pseudo-terminal (util-linux `script`), as a person at a shell would. */
  options: { terminal?: boolean } = {},
): Promise<RunningApp> {
  const node = [process.execPath, '-r', join(ROOT, 'tools/register-aliases.js'), join(ROOT, `dist/apps/${app}/src/main.js`)];
  const [command, ...args] = options.terminal ? ['script', '-qefc', node.map((part) => `'${part}'`).join(' '), '/dev/null'] : node;
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  // Generous: a shared two-core machine under load takes its time over PGlite and Nest.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      // Another run on this machine took the port between our pick and the app's listen: pick again.
      if (/EADDRINUSE/.test(output) && retriesLeft > 0) return startApp(app, env, freePort(), retriesLeft - 1, options);
      throw new Error(`${app} exited with ${child.exitCode}:\n${output}`);
    }
    const live = await fetch(`${url}/health/live`).then((r) => r.ok, () => false);
    if (live) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} did not start within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const kill = (signal: NodeJS.Signals, escalateAfterMs?: number) =>
    new Promise<void>((resolve) => {
      if (exited()) return resolve();
      const timer = escalateAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), escalateAfterMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    alive: () => !exited(),
    stop: () => kill('SIGTERM', 10_000),
    kill: (signal) => kill(signal),
  };
}

// Clear of the test brokers (9092, 19092, 29092, 38092, 39092 and their controller ports +1).
let nextPort = 45_000 + Math.floor(Math.random() * 5_000);
export const freePort = (): number => nextPort++;

export async function json<T = unknown>(response: Response): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 500)}`);
  }
}
