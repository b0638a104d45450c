import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ChaosOptions } from './options';

/**
 * Runs the fault commands (shell commands, so an operator can pass `kubectl`, `systemctl` or
 * `ssh` lines), and by default keeps one worker process of its own to kill: a worker it
 * started, with its own environment, killed with SIGKILL by its pid.
 */
export class FaultRunner {
  private worker?: ChildProcess;

  constructor(
    private readonly options: ChaosOptions,
    private readonly root: string,
  ) {}

  /** Runs `command` with bash; answers how long it took; throws with its output when it fails. */
  shell(command: string): Promise<number> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const child = spawn('bash', ['-c', command], { cwd: this.root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(Date.now() - started) : reject(new Error(`\`${command}\` exited with ${code}:\n${output.slice(-2_000)}`))));
    });
  }

  async startWorker(): Promise<number> {
    if (this.options.workerStart) return this.shell(this.options.workerStart);
    const started = Date.now();
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', join(this.root, 'tools/register-aliases.js'), join(this.root, 'dist/apps/worker/src/main.js')], {
      cwd: this.root,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.worker = child;
    for (const deadline = Date.now() + 60_000; ; ) {
      if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode} (does this environment have DATABASE_URL and KAFKA_BROKERS?)`);
      if (await fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.ok, () => false)) return Date.now() - started;
      if (Date.now() > deadline) throw new Error('the worker did not start within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async killWorker(): Promise<number> {
    if (this.options.workerKill) return this.shell(this.options.workerKill);
    const worker = this.worker;
    if (!worker || worker.exitCode !== null || worker.signalCode !== null) throw new Error('no worker of this run to kill');
    const started = Date.now();
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.kill('SIGKILL');
    });
    return Date.now() - started;
  }

  /** Stops the worker this run started, if any, the ordinary way. */
  async stopOwnWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker || worker.exitCode !== null || worker.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.kill('SIGTERM');
    });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
