import { LoggerService } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';

export type LogFormatSetting = 'auto' | 'pretty' | 'json';
export type LogFormat = 'pretty' | 'json';

/** `auto` (the default): human-readable lines on a terminal, JSON (one object a line) for anything else. */
export const logFormatFor = (setting: LogFormatSetting, stdoutIsTty = Boolean(process.stdout.isTTY)): LogFormat =>
  setting === 'auto' ? (stdoutIsTty ? 'pretty' : 'json') : setting;

/**
 * Where pino writes: its default (JSON on stdout) for `json`; for `pretty`, pino-pretty in this
 * thread (sync, so a crash loses no line and no worker thread is started), one line per entry.
 */
export function logDestination(format: LogFormat): DestinationStream | undefined {
  if (format === 'json') return undefined;
  return pinoPretty({
    sync: true,
    colorize: Boolean(process.stdout.isTTY),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat: '{if context}[{context}] {end}{msg}{if req} {req.method} {req.url} {res.statusCode} {responseTime}ms{end}',
  });
}

/** Nest's own start-up chatter: a line per module, controller and route (about 150). */
const FRAMEWORK_START_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * The app's logger with Nest's start-up chatter moved to debug: at the default level a start
 * shows only what an operator needs (warnings, the banner), at LOG_LEVEL=debug everything.
 */
export class QuietStartLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && FRAMEWORK_START_CONTEXTS.has(context)) this.inner.debug?.(message, ...optionalParams);
    else this.inner.log(message, ...optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.error(message, ...optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.warn(message, ...optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.debug?.(message, ...optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.verbose?.(message, ...optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.inner.fatal?.(message, ...optionalParams);
  }
}
