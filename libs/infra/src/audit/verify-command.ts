import { AppConfig, ConfigError, loadConfig } from '../config/config';
import { databaseOptionsFrom, migrate, openDatabase } from '../database/data-source';
import { ChainCheckpoint, ChainVerification, verifyChain } from '../event-store/chain-verifier';
import { isOfflineVerification, OFFLINE_USAGE, runOfflineVerification } from '../transparency/offline-verification';

export const VERIFY_USAGE = `usage: npm run audit:verify [-- --position <n> --hash <64 hex>]

Recomputes the audit hash chain from the first event to the head, in constant memory, against
DATABASE_URL (or the embedded database under DATA_DIR). With --position and --hash, also checks
that the chain passes through that checkpoint (a head published to coalition.audit-checkpoints.v1).
Exit status: 0 intact, 1 broken, 2 bad arguments or configuration.

${OFFLINE_USAGE}`;

export class UsageError extends Error {}

/** `--position 42 --hash abc…` (or `--position=42`) into a checkpoint; neither gives none. */
export function parseVerifyArguments(argv: readonly string[]): { checkpoint?: ChainCheckpoint } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    if (flag === '--help' || flag === '-h') throw new UsageError(VERIFY_USAGE);
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

/** The `npm run audit:verify` command: answers the exit status, writes one line and the JSON result. */
export async function runVerifyCommand(argv: readonly string[], env: NodeJS.ProcessEnv, write: (text: string) => void): Promise<number> {
  if (isOfflineVerification(argv)) return runOfflineVerification(argv, write);
  let checkpoint: ChainCheckpoint | undefined;
  let config: AppConfig;
  try {
    checkpoint = parseVerifyArguments(argv).checkpoint;
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const db = await openDatabase(databaseOptionsFrom(config));
  try {
    await migrate(db);
    const result = await verifyChain(db, { checkpoint });
    write(`${describeVerification(result)}\n${JSON.stringify(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await db.close();
  }
}
