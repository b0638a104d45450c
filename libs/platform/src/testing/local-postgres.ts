import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** initdb and pg_ctl: on the PATH, or in Debian's versioned directory. */
function findBinary(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, name))) return join(dir, name);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) if (existsSync(join(debian, version, 'bin', name))) return join(debian, version, 'bin', name);
  }
  throw new Error(`${name} not found: install the PostgreSQL server package`);
}

/** A port nobody listens on right now (the kernel's pick). */
async function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL server of a test's own: `initdb` in a temporary directory and `pg_ctl` on a port
 * of its own, so a test can stop and restart it under load without disturbing any other test.
 * PostgreSQL refuses to run as root; as root, its commands run as the `postgres` user.
 * Durability is switched off (fsync, full-page writes): the tests stop the server, never the machine.
 */
export class LocalPostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async create(): Promise<LocalPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'coalition-pg-'));
    const server = new LocalPostgres(await freeLocalPort(), dir);
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: group } = await run('id', ['-g', 'postgres']);
      chownSync(dir, Number(stdout.trim()), Number(group.trim()));
    }
    await server.pg('initdb', ['-D', server.dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--no-instructions']);
    await server.start();
    return server;
  }

  /** The server's own `postgres` database, for creating test databases on it. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): Promise<void> {
    const settings = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c synchronous_commit=off',
      '-c max_connections=100',
      '-c shared_buffers=32MB',
    ].join(' ');
    return this.pg('pg_ctl', ['start', '-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', '-o', settings]);
  }

  /** `fast` ends every session and shuts down cleanly; `immediate` is a crash (recovery on the next start). */
  stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    return this.pg('pg_ctl', ['stop', '-D', this.dataDir, '-m', mode, '-w', '-t', '60']);
  }

  async restart(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.stop(mode);
    await this.start();
  }

  /** Stops the server if it runs and deletes its directory. */
  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private async pg(binary: 'initdb' | 'pg_ctl', args: string[]): Promise<void> {
    const path = findBinary(binary);
    const [command, commandArgs] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    try {
      await run(command, commandArgs, { timeout: 90_000 });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${binary} ${args[0]} failed: ${(error as Error).message}\n${stdout ?? ''}${stderr ?? ''}`);
    }
  }
}
