import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@coalition/infra';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { strictValidationPipe } from '../common/http/validation.pipe';
import { ProblemDto } from '../common/openapi/problem.dto';
import { resolveJwtSecret } from './jwt-secret';

export const API_PREFIX = 'api/v1';

/** Builds the api (used by main.ts and by the e2e tests, so both run exactly the same app). */
export async function createApi(config: AppConfig, options: { logger?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, resolveJwtSecret(config)), {
    bufferLogs: true,
    abortOnError: false,
  });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.set('query parser', 'simple');
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/*path', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
      { path: 'asyncapi.yaml', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Coalition API')
      .setDescription('Multistate compacts, votes, resource sharing and joint legal responses. Errors are RFC 9457 problem+json.')
      .setVersion('1')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
      .build(),
    { extraModels: [ProblemDto] },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
