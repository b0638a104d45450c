import { VERIFY_EXIT } from '@coalition/read-side';

/** Every subcommand's exit statuses: the same numbers mean the same thing throughout. */
export const EXIT = {
  ...VERIFY_EXIT,
  /** The command could not do what was asked: an unknown user, data that is not a backup, data in the way of a restore. */
  failed: 1,
} as const;

export const EXIT_CODES_HELP = `
Exit status:
  0  done (verify: the chain is intact and passes through the checkpoint given)
  1  failed (verify: the chain is broken; otherwise the command could not do what was asked)
  2  bad arguments or configuration
  3  verify: the chain is intact but does not pass through the checkpoint given (a mismatch, not damage)
  4  the embedded data is in use by another process (the running app): stop it first`;
