import { AppConfig } from '@coalition/platform';
import { FirstAdmin } from '../identity/bootstrap-admin';

/** Where the data lives, with no credentials: the embedded directory, or the database's host and name. */
export function dataLocation(config: Pick<AppConfig, 'embedded' | 'dataDir' | 'databaseUrl'>, resolve: (path: string) => string): string {
  if (config.embedded) return `${resolve(config.dataDir)} (embedded PostgreSQL, PGlite; back it up with \`npx coalition backup\`)`;
  try {
    const url = new URL(config.databaseUrl ?? '');
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

/**
 * The one block a start prints when the api is ready: where to go, where the data is and, on the
 * first start of an embedded instance only, the admin it created. Plain text on stdout whatever
 * LOG_FORMAT and LOG_LEVEL say: it is for the person who started it.
 */
export function readyBanner(options: { port: number; data: string; embedded: boolean; firstAdmin?: FirstAdmin }): string {
  const base = `http://localhost:${options.port}`;
  const lines = [
    '',
    `  Coalition is ready${options.embedded ? ' (embedded: database, transport and worker in this process)' : ''}`,
    `    console   ${base}/`,
    `    API docs  ${base}/docs`,
    `    data      ${options.data}`,
  ];
  if (options.firstAdmin) {
    lines.push(
      '',
      '  This first start created an admin (shown only this once):',
      `    username: ${options.firstAdmin.username}`,
      `    password: ${options.firstAdmin.password}`,
      '  Sign in at the console, or: POST /api/v1/auth/login. Change it with POST /api/v1/auth/password.',
      '  To choose your own instead, start on a fresh DATA_DIR with',
      '    BOOTSTRAP_ADMIN_USERNAME=<name> BOOTSTRAP_ADMIN_PASSWORD=<12+ characters> npm start',
    );
  }
  lines.push('', '  Stop with Ctrl+C.', '');
  return lines.join('\n') + '\n';
}
