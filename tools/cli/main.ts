import 'reflect-metadata';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { AppConfig, ConfigError, DataDirInUse, loadConfig } from '@coalition/platform';
import { runVerifyCommand } from '@coalition/read-side';
import { backup, CliFailure, exportAudit, Io, rebuild, resetPassword, restore } from './commands';
import { EXIT, EXIT_CODES_HELP } from './exit-codes';
import { terminalProgress } from './progress';

const io: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  progress: (label, total) => terminalProgress(label, total),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

const position = (value: string): number => {
  if (!/^\d{1,15}$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
};

/** Runs one subcommand: configuration from the environment, every known failure as one line and its exit status. */
const run =
  <A extends unknown[]>(work: (config: AppConfig, ...args: A) => Promise<number>) =>
  async (...args: A): Promise<void> => {
    process.exitCode = await guarded(() => work(loadConfig(), ...args));
  };

async function guarded(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CliFailure) {
      io.err(`${error.message}\n`);
      return error.status;
    }
    if (error instanceof DataDirInUse) {
      io.err(`${error.message}\n`);
      return EXIT.inUse;
    }
    if (error instanceof ConfigError) {
      io.err(`${error.message}\n`);
      return EXIT.usage;
    }
    io.err(`coalition: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT.failed;
  }
}

export function program(): Command {
  const cli = new Command('coalition')
    .description('Operate a Coalition deployment: the embedded data under DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set.')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError()
    .exitOverride();

  // verify keeps its own arguments and usage (the same entry as `npm run audit:verify`).
  cli
    .command('verify')
    .description('Recompute the audit hash chain, optionally against a checkpoint (--position <n> --hash <hex>); --help for more')
    .helpOption(false)
    .allowUnknownOption()
    .argument('[arguments...]')
    .action(async (args: string[]) => {
      process.exitCode = await guarded(() => runVerifyCommand(args, process.env, io.out, { progress: io.progress }));
    });

  cli
    .command('rebuild')
    .description('Empty every read model and fold the event store into it again (one transaction: readers see the old models until it commits)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(run((config) => rebuild(config, io)));

  cli
    .command('export')
    .description('Write the audit log (every event with its hashes; credentials withheld) as NDJSON or CSV')
    .addOption(new Option('--format <format>', 'ndjson or csv').choices(['ndjson', 'csv']).default('ndjson'))
    .option('--out <file>', 'write to this file (default: stdout)')
    .option('--after <position>', 'only events after this position', position, 0)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(run((config, options: { format: 'ndjson' | 'csv'; out?: string; after: number }) => exportAudit(config, io, options)));

  const admin = cli.command('admin').description('Administration on the data itself, for when no admin can sign in');
  admin
    .command('reset-password')
    .description("Set a user's password (a generated one, shown once, unless --password-stdin); its sessions end. Recorded as a PasswordReset by the system.")
    .argument('<username>', 'the user, e.g. admin')
    .option('--password-stdin', 'read the new password (12+ characters) from stdin instead of generating one')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(run((config, username: string, options: { passwordStdin?: boolean }) => resetPassword(config, io, username, options)));

  cli
    .command('backup')
    .description('Copy the embedded data (DATA_DIR) into one .tar.gz file; stop the app first. For PostgreSQL use pg_dump.')
    .argument('<file>', 'where to write the backup, e.g. coalition-backup.tar.gz')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(run((config, file: string) => backup(config, io, file)));

  cli
    .command('restore')
    .description('Load a backup into the embedded data (DATA_DIR), then verify its audit chain; stop the app first')
    .argument('<file>', 'a file written by `coalition backup`')
    .option('--force', 'replace data already in DATA_DIR (it is kept aside as <dir>.before-restore-<time>, not deleted)')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(run((config, file: string, options: { force?: boolean }) => restore(config, io, file, options)));

  return cli;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are exit 0; usage errors (already printed) are 2.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (require.main === module) void main(process.argv);
