import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths that keep their own answers; every other GET for a page is the console's. */
const API_PATHS = /^\/(api|docs|docs-json|health|metrics|asyncapi\.yaml)(\/|$|\?|-)/;

/**
 * The console talks only to this origin and to the sign-in providers' (`connectOrigins`: their
 * discovery documents and token endpoints); nothing inline runs (styles aside: USWDS and React set some).
 */
export const consoleCsp = (connectOrigins: readonly string[] = []) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectOrigins].join(' '),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');

/** `dist/apps/console`, found from the workspace root whether the api runs compiled or under jest. */
export function consoleDirectory(from = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const built = join(dir, 'dist', 'apps', 'console');
      return existsSync(join(built, 'index.html')) ? built : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Serves the staff console's static build at `/`: hashed assets cached for a year, and
 * index.html for any other page path (the single-page app routes in the browser), while
 * `/api/v1`, `/docs`, `/health` and `/metrics` keep theirs.
 */
export function serveConsole(app: NestExpressApplication, directory = consoleDirectory(), connectOrigins: readonly string[] = []): boolean {
  if (!directory) return false;
  const csp = consoleCsp(connectOrigins);
  const index = join(directory, 'index.html');
  app.useStaticAssets(join(directory, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false, fallthrough: true });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path) || request.path.startsWith('/assets/')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Content-Security-Policy', csp);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.sendFile(index);
  });
  return true;
}
