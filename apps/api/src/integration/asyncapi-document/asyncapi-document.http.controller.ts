import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@coalition/platform';
import { Public } from '../../common/auth/access.decorator';
import { loadAsyncApiDocument, servedAsyncApiDocument } from './asyncapi-document';

@ApiTags('operations')
@Controller('asyncapi.yaml')
export class AsyncApiDocumentController {
  private readonly document: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.document = servedAsyncApiDocument(loadAsyncApiDocument(), { brokers: config.kafka?.brokers ?? [], topicPrefix: config.topicPrefix });
  }

  @Get()
  @ApiOperation({ operationId: 'getAsyncApiDocument', summary: 'Get the AsyncAPI document of the Kafka topics' })
  @Public()
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @ApiOkResponse({
    description: "AsyncAPI 3 description of the Kafka topics: the CloudEvent envelope, a JSON Schema per event type, this deployment's brokers and topic names",
    content: { 'application/yaml': { schema: { type: 'string' } } },
  })
  read(): string {
    return this.document;
  }
}
