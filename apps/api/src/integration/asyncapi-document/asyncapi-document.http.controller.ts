import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorator';
import { loadAsyncApiDocument } from './asyncapi-document';

@ApiTags('operations')
@Controller('asyncapi.yaml')
export class AsyncApiDocumentController {
  private readonly document = loadAsyncApiDocument();

  @Get()
  @ApiOperation({ operationId: 'getAsyncApiDocument', summary: 'Get the AsyncAPI document of the Kafka topics' })
  @Public()
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @ApiOkResponse({
    description: 'AsyncAPI 3 description of the Kafka topics: the CloudEvent envelope and a JSON Schema per event type',
    content: { 'application/yaml': { schema: { type: 'string' } } },
  })
  read(): string {
    return this.document;
  }
}
