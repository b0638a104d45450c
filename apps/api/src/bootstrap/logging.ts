import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig, logDestination, logFormatFor } from '@coalition/platform';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Structured logs (pino): JSON, or one human-readable line per entry on a terminal (LOG_FORMAT). Each request's id is its correlation id: taken from
 * `X-Correlation-Id` when the caller sends a sane one, else generated; echoed back, logged on
 * every line of the request, and recorded in the metadata of the events it causes.
 */
export const loggingModule = (config: AppConfig) => {
  const destination = logDestination(logFormatFor(config.logFormat));
  const options: PinoHttpOptions = {
    level: config.logLevel,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const given = request.headers[CORRELATION_HEADER];
      const id = typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
      response.setHeader(CORRELATION_HEADER, id);
      return id;
    },
    customAttributeKeys: { reqId: 'correlationId' },
    redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'], censor: '[redacted]' },
    autoLogging: { ignore: (request: IncomingMessage) => Boolean(request.url?.startsWith('/health') || request.url?.startsWith('/metrics')) },
    serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
  };
  return LoggerModule.forRoot({
    // Express 5 route syntax; the default '*' makes Nest log a conversion warning at every start.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: destination ? [options, destination] : options,
  });
};
