import 'reflect-metadata';
import { runVerifyCommand } from '@coalition/read-side';

/** `npm run audit:verify [-- --position <n> --hash <hex>]`: recomputes the audit hash chain; exit 1 when broken. */
runVerifyCommand(process.argv.slice(2), process.env, (text) => process.stdout.write(text)).then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.message ?? String(error)}\n`);
    process.exit(2);
  },
);
