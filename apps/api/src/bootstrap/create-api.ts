import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppConfig, Metrics, QuietStartLogger } from '@coalition/platform';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { httpMetrics, unsupportedMediaType } from '../common/http/http-conventions';
import { jsonBodyOptions } from '../common/http/json-body-limits';
import { strictValidationPipe } from '../common/http/validation.pipe';
import { createOpenApiDocument } from '../common/openapi/openapi-document';
import { signInOrigins } from '../identity/list-sign-in-providers/sign-in-providers';
import { consoleDirectory, serveConsole } from './console-static';
import { resolveJwtSecret } from './jwt-secret';

export const API_PREFIX = 'api/v1';

/**
 * helmet's headers, with a Content-Security-Policy that lets pages of this origin (Swagger UI at
 * /docs, the console at /) load their own scripts and styles and nothing from elsewhere. Inline
 * styles stay allowed (Swagger UI's page carries a <style> block); inline scripts do not. No
 * `upgrade-insecure-requests`: the embedded default is served over plain http on localhost.
 */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

/** Builds the api (used by main.ts and by the e2e tests, so both run exactly the same app). */
export async function createApi(config: AppConfig, options: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, resolveJwtSecret(config)), {
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logger !== false) app.useLogger(new QuietStartLogger(app.get(Logger)));
  else app.useLogger(false);
  app.set('query parser', 'simple');
  app.disable('x-powered-by');
  app.use(helmet(SECURITY_HEADERS));
  app.use(httpMetrics(app.get(Metrics)));
  app.use(unsupportedMediaType);
  app.useBodyParser('json', jsonBodyOptions('1mb'));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/*path', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
      { path: 'asyncapi.yaml', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  serveConsole(app, consoleDirectory(), signInOrigins(config.oidcProviders));

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
