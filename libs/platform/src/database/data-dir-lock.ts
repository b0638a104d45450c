import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Who holds embedded data: written into the lock file, shown to whoever finds it taken. */
export interface LockHolder {
  pid: number;
  /** What it is, in words: `the Coalition api on http://localhost:3000`, `coalition rebuild`. */
  what: string;
  startedAt: string;
}

/**
 * The embedded database (PGlite) is one process's: a second one opening the same directory
 * aborts inside WebAssembly. So whoever opens it first writes `<dir>.lock` with its pid, and
 * everyone else gets this, naming the holder and what to do, instead of the abort.
 */
export class DataDirInUse extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The embedded data in ${dirname(dir)} is in use by ${holder.what} (pid ${holder.pid}, since ${holder.startedAt}): ` +
        `stop it first (Ctrl+C where it runs, or kill ${holder.pid}) and run this again.`,
    );
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export const lockFileOf = (dir: string): string => `${dir.replace(/\/+$/, '')}.lock`;

/** The holder of `dir`'s lock if a live process other than this one holds it. */
export function lockHolderOf(dir: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(lockFileOf(dir), 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) && holder.pid !== process.pid && alive(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes `dir`'s lock for this process, or throws DataDirInUse. A lock left by a process that
 * died (a crash, a kill -9) is taken over. Answers the release, which also runs at exit.
 */
export function lockDataDir(dir: string, what = describeThisProcess()): () => void {
  const file = lockFileOf(dir);
  mkdirSync(dirname(file), { recursive: true });
  const mine: LockHolder = { pid: process.pid, what, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      const holder = lockHolderOf(dir);
      if (holder) throw new DataDirInUse(dir, holder);
      // Stale (its process is gone) or our own from before: take it over.
      try {
        unlinkSync(file);
      } catch {
        // another process took it over first; the next attempt tells
      }
    }
  }
  const release = () => {
    process.off('exit', release);
    try {
      const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
      if (holder.pid === process.pid) unlinkSync(file);
    } catch {
      // gone already
    }
  };
  process.on('exit', release);
  return release;
}

function describeThisProcess(): string {
  const script = process.argv[1] ?? '';
  if (script.endsWith('apps/api/src/main.js')) return 'the Coalition api';
  if (script.includes('cli')) return `coalition ${process.argv.slice(2, 4).join(' ')}`.trim();
  return `node ${script}`;
}
