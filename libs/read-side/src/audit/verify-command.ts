import { AppConfig, ConfigError, Database, DataDirInUse, loadConfig } from '@coalition/platform';
import { ChainCheckpoint, ChainVerification, databaseOptionsFrom, migrate, openDatabase, verifyChain } from '@coalition/event-store';
import { Progress, VERIFY_EXIT } from './cli-support';
import { isOfflineVerification, OFFLINE_USAGE, runOfflineVerification } from './offline-verification';

export const VERIFY_USAGE = `usage: npx coalition verify [--position <n> --hash <64 hex>]
       (or: npm run audit:verify [-- --position <n> --hash <64 hex>])

Recomputes the audit hash chain from the first event to the head, in constant memory, against
DATABASE_URL (or the embedded database under DATA_DIR). With --position and --hash, also checks
that the chain passes through that checkpoint (a head published to coalition.audit-checkpoints.v1).
Exit status: 0 intact (and the checkpoint matches), 1 the chain is broken (an event was changed or
removed), 2 bad arguments or configuration, 3 the chain is intact but does not pass through the
checkpoint, 4 the embedded data is in use by another process.

${OFFLINE_USAGE}`;

export class UsageError extends Error {
  constructor(
    message: string,
    /** `--help`: the usage was asked for, which is no error. */
    readonly asked = false,
  ) {
    super(message);
  }
}

/** `--position 42 --hash abc…` (or `--position=42`) into a checkpoint; neither gives none. */
export function parseVerifyArguments(argv: readonly string[]): { checkpoint?: ChainCheckpoint } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--help' || flag === '-h') throw new UsageError(VERIFY_USAGE, true);
    if (flag !== '--position' && flag !== '--hash') throw new UsageError(`unknown argument ${argv[i]}\n\n${VERIFY_USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const position = values.get('--position');
  const hash = values.get('--hash');
  if (position === undefined && hash === undefined) return {};
  if (position === undefined || hash === undefined) throw new UsageError('--position and --hash go together');
  if (!/^[1-9]\d{0,15}$/.test(position)) throw new UsageError('--position must be a positive integer');
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new UsageError('--hash must be 64 lower-case hex digits');
  return { checkpoint: { position: Number(position), hash } };
}

export const describeVerification = (result: ChainVerification): string =>
  result.ok
    ? `audit chain intact: ${result.checkedEvents} events, head ${result.headPosition} ${result.headHash}`
    : `audit chain BROKEN at position ${result.firstInvalidPosition}: ${result.reason} (${result.checkedEvents} events checked before it)`;

export interface CheckpointMismatch {
  position: number;
  checkpointHash: string;
  /** The chain's hash at that position; null when the chain ends before it. */
  chainHash: string | null;
  headPosition: number;
}

/** An intact chain either passes through the checkpoint or it does not: that is a mismatch, not damage the chain itself shows. */
async function checkpointMismatch(db: Database, head: number, checkpoint: ChainCheckpoint): Promise<CheckpointMismatch | undefined> {
  const [row] = await db.query<{ hash: string }>('SELECT hash FROM events WHERE position = $1', [checkpoint.position]);
  if (row?.hash === checkpoint.hash) return undefined;
  return { position: checkpoint.position, checkpointHash: checkpoint.hash, chainHash: row?.hash ?? null, headPosition: head };
}

export const describeMismatch = (m: CheckpointMismatch): string =>
  m.chainHash === null
    ? `checkpoint MISMATCH: the chain is intact but ends at position ${m.headPosition}, before the checkpoint's position ${m.position}. ` +
      'The checkpoint is from another database, or events after the head were removed.'
    : `checkpoint MISMATCH at position ${m.position}: the chain is intact and has hash ${m.chainHash} there, the checkpoint says ${m.checkpointHash}. ` +
      'Either the checkpoint is from another database or was copied wrongly, or the history up to that position was rewritten and re-hashed: ' +
      'compare with the checkpoints published to coalition.audit-checkpoints.v1.';

/** The verify command (`npx coalition verify`, `npm run audit:verify`): answers the exit status, writes one line and the JSON result. */
export async function runVerifyCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  write: (text: string) => void,
  options: { progress?: (label: string, total: number) => Progress } = {},
): Promise<number> {
  if (isOfflineVerification(argv)) return runOfflineVerification(argv, write);
  let checkpoint: ChainCheckpoint | undefined;
  let config: AppConfig;
  try {
    checkpoint = parseVerifyArguments(argv).checkpoint;
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      write(`${error.message}\n`);
      return error instanceof UsageError && error.asked ? VERIFY_EXIT.ok : VERIFY_EXIT.usage;
    }
    throw error;
  }
  let db: Database;
  try {
    db = await openDatabase(databaseOptionsFrom(config));
  } catch (error) {
    if (!(error instanceof DataDirInUse)) throw error;
    write(`${error.message} Or, while it runs, ask it: GET /api/v1/audit/verify (as an auditor or admin).\n`);
    return VERIFY_EXIT.inUse;
  }
  try {
    await migrate(db);
    const [{ head }] = await db.query<{ head: string | null }>('SELECT max(position) AS head FROM events');
    const bar = options.progress?.('verifying events', Number(head ?? 0));
    const result = await verifyChain(db, { onProgress: (checked) => bar?.update(checked) });
    bar?.stop();
    if (!result.ok) {
      write(`${describeVerification(result)}\n${JSON.stringify(result)}\n`);
      return VERIFY_EXIT.broken;
    }
    const mismatch = checkpoint && (await checkpointMismatch(db, result.headPosition, checkpoint));
    if (mismatch) {
      write(`${describeMismatch(mismatch)}\n${JSON.stringify({ ...result, ok: false, chainIntact: true, checkpointMismatch: mismatch })}\n`);
      return VERIFY_EXIT.mismatch;
    }
    write(`${describeVerification(result)}${checkpoint ? `; passes through checkpoint ${checkpoint.position}` : ''}\n${JSON.stringify(result)}\n`);
    return VERIFY_EXIT.ok;
  } finally {
    await db.close();
  }
}
