import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { PGlite } from '@electric-sql/pglite';
import { SYSTEM_ACTOR, userDecider, UserNotFound, userStreamId, DomainError } from '@coalition/domain';
import { AppConfig, Database, hashPassword, lockDataDir } from '@coalition/platform';
import { CommandExecutor, databaseOptionsFrom, embeddedDirOf, EventStore, migrate, openDatabase, verifyChain } from '@coalition/event-store';
import { ALL_PROJECTIONS, AuditExportFormat, Progress, rebuildProjections, writeAuditExport } from '@coalition/read-side';
import { EXIT } from './exit-codes';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  progress: (label: string, total: number) => Progress;
  /** Reads all of stdin (for --password-stdin). */
  stdin: () => Promise<string>;
}

/** A failure the CLI reports as one line with its exit status. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function withDatabase<T>(config: AppConfig, what: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ ...databaseOptionsFrom(config, `coalition-cli`), ...(config.embedded ? { holder: what } : {}) });
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

const headOf = async (db: Database): Promise<number> => Number((await db.query<{ head: string | null }>('SELECT max(position) AS head FROM events'))[0].head ?? 0);

export async function rebuild(config: AppConfig, io: Io): Promise<number> {
  return withDatabase(config, 'coalition rebuild', async (db) => {
    const started = Date.now();
    const bar = io.progress('rebuilding read models', await headOf(db));
    const report = await rebuildProjections(db, ALL_PROJECTIONS, 2000, (events) => bar.update(events));
    bar.stop();
    const seconds = (Date.now() - started) / 1000;
    io.out(`Rebuilt ${report.projections.join(', ')} from ${report.events} events (up to position ${report.headPosition}) in ${seconds.toFixed(1)} s\n`);
    return EXIT.ok;
  });
}

export async function exportAudit(config: AppConfig, io: Io, options: { format: AuditExportFormat; out?: string; after: number }): Promise<number> {
  return withDatabase(config, 'coalition export', async (db) => {
    const bar = io.progress('exporting events', Math.max(0, (await headOf(db)) - options.after));
    const target = options.out ? createWriteStream(options.out) : process.stdout;
    const written = await writeAuditExport(new EventStore(db), target, { format: options.format, after: options.after, onProgress: (n) => bar.update(n) });
    bar.stop();
    if (options.out) {
      target.end();
      await once(target, 'finish');
      io.err(`Exported ${written} events to ${options.out} (${options.format})\n`);
    }
    return EXIT.ok;
  });
}

/**
 * Sets a user's password on the data itself, as the system: for the operator who lost the last
 * admin password. The user's tokens stop working; the audit log records a PasswordReset by `system`.
 */
export async function resetPassword(config: AppConfig, io: Io, username: string, options: { passwordStdin?: boolean }): Promise<number> {
  let password: string;
  let generated = false;
  if (options.passwordStdin) {
    password = (await io.stdin()).replace(/\r?\n$/, '');
    if (password.length < 12) throw new CliFailure('The new password must be at least 12 characters', EXIT.usage);
  } else {
    password = randomBytes(18).toString('base64url');
    generated = true;
  }
  return withDatabase(config, 'coalition admin reset-password', async (db) => {
    const store = new EventStore(db);
    // The events themselves, not a read model: the data may hold no other tables yet.
    const [registered] = await db.query<{ user_id: string }>(
      "SELECT data->>'userId' AS user_id FROM events WHERE type = 'UserRegistered' AND lower(data->>'username') = lower($1) ORDER BY position LIMIT 1",
      [username],
    );
    if (!registered) throw new CliFailure(`No user "${username}" in ${describeData(config)}`, EXIT.failed);
    const userId = registered.user_id;
    try {
      await new CommandExecutor(store).execute(userDecider, {
        streamId: userStreamId(userId),
        actor: SYSTEM_ACTOR,
        command: { type: 'ResetPassword', data: { userId, passwordHash: await hashPassword(password) } },
      });
    } catch (error) {
      if (error instanceof UserNotFound) throw new CliFailure(`No user "${username}" in ${describeData(config)}`, EXIT.failed);
      if (error instanceof DomainError) throw new CliFailure(`${error.message}: the password was not changed`, EXIT.failed);
      throw error;
    }
    io.out(
      generated
        ? `The password of "${username}" is now:\n  ${password}\nIt is shown only here. Its earlier sessions have ended; sign in with it and change it (POST /api/v1/auth/password).\n`
        : `The password of "${username}" was set. Its earlier sessions have ended.\n`,
    );
    return EXIT.ok;
  });
}

const describeData = (config: AppConfig) => (config.embedded ? `the embedded data in ${config.dataDir}` : 'the database');

function embeddedOnly(config: AppConfig, what: string): string {
  if (!config.embedded) {
    throw new CliFailure(`${what} is for the embedded data (no DATABASE_URL); back up PostgreSQL with pg_dump and restore with pg_restore (docs/operations.md)`, EXIT.usage);
  }
  return embeddedDirOf(config);
}

/** A consistent copy of the embedded database as one .tar.gz (PGlite's own dump of its data directory). */
export async function backup(config: AppConfig, io: Io, file: string): Promise<number> {
  const dir = embeddedOnly(config, 'backup');
  if (!existsSync(dir)) throw new CliFailure(`There is no embedded data in ${config.dataDir} to back up`, EXIT.failed);
  const release = lockDataDir(dir, 'coalition backup');
  try {
    const pg = await PGlite.create({ dataDir: dir });
    try {
      const dump = await pg.dumpDataDir('gzip');
      writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
      const [{ events }] = (await pg.query<{ events: string }>('SELECT count(*) AS events FROM events')).rows;
      io.out(`Backed up ${config.dataDir} (${events} events) to ${file} (${dump.size} bytes)\n`);
    } finally {
      await pg.close();
    }
  } finally {
    release();
  }
  return EXIT.ok;
}

/**
 * Loads a backup into DATA_DIR. Data already there is kept aside (with --force) rather than
 * overwritten; the restored chain is then verified, so a bad or partial file is noticed at once.
 */
export async function restore(config: AppConfig, io: Io, file: string, options: { force?: boolean }): Promise<number> {
  const dir = embeddedOnly(config, 'restore');
  if (!existsSync(file)) throw new CliFailure(`No backup file ${file}`, EXIT.usage);
  const holdsData = () => existsSync(dir) && readdirSync(dir).length > 0;
  const inTheWay = `${config.dataDir} already holds data: pass --force to replace it (the current data is kept aside, not deleted)`;
  if (holdsData() && !options.force) throw new CliFailure(inTheWay, EXIT.failed);
  const release = lockDataDir(dir, 'coalition restore');
  let keptAside: string | undefined;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  // Loaded beside the data first: a bad file leaves the data as it was.
  const staging = `${dir}.restoring-${stamp}`;
  try {
    try {
      const pg = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([readFileSync(file)]) });
      await pg.query('SELECT count(*) FROM events');
      await pg.close();
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new CliFailure(`${file} is not a Coalition backup (${(error as Error).message}); nothing was changed`, EXIT.failed);
    }
    if (holdsData()) {
      keptAside = `${dir}.before-restore-${stamp}`;
      renameSync(dir, keptAside);
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
    renameSync(staging, dir);
  } finally {
    release();
  }
  return withDatabase(config, 'coalition restore', async (db) => {
    const result = await verifyChain(db);
    if (!result.ok) throw new CliFailure(`Restored ${file}, but its audit chain is BROKEN at position ${result.firstInvalidPosition}: ${result.reason}`, EXIT.failed);
    io.out(
      `Restored ${file} into ${config.dataDir}: ${result.checkedEvents} events, audit chain intact (head ${result.headPosition}).` +
        `${keptAside ? ` The data it replaced is in ${keptAside}.` : ''}\n`,
    );
    return EXIT.ok;
  });
}
