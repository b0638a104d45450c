import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@coalition/infra';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Structured JSON logs (pino). Each request's id is its correlation id: taken from
 * `X-Correlation-Id` when the caller sends a sane one, else generated; echoed back, logged on
 * every line of the request, and recorded in the metadata of the events it causes.
 */
export const loggingModule = (config: AppConfig) =>
  LoggerModule.forRoot({
    // Express 5 route syntax; the default '*' makes Nest log a conversion warning at every start.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request: IncomingMessage, response) => {
        const given = request.headers[CORRELATION_HEADER];
        const id = typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
        response.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      customAttributeKeys: { reqId: 'correlationId' },
      redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'], censor: '[redacted]' },
      autoLogging: { ignore: (request) => Boolean(request.url?.startsWith('/health') || request.url?.startsWith('/metrics')) },
      serializers: { req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }) },
    },
  });
