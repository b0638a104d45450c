import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorator';
import { loadAsyncApiDocument } from './asyncapi-document';

@ApiTags('operations')
@Controller('asyncapi.yaml')
export class AsyncApiDocumentController {
  private readonly document = loadAsyncApiDocument();

  @Get()
  @Public()
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @ApiProduces('application/yaml')
  @ApiOkResponse({ description: 'AsyncAPI 3 description of the Kafka topics: the CloudEvent envelope and a JSON Schema per event type' })
  read(): string {
    return this.document;
  }
}
