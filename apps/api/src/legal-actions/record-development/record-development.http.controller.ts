import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { LEGAL_WRITERS } from '../legal-access';
import { RecordDevelopmentCommand } from './record-development.command';
import { RecordDevelopmentRequest } from './record-development.request.dto';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('legal actions')
@Controller('legal-actions')
export class RecordDevelopmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/developments')
  @ApiOperation({ summary: 'Record a development in a filed legal action' })
  @HttpCode(200)
  @Access(LEGAL_WRITERS)
  @ApiOkResponse({ type: CommandResultDto, description: 'Counsel of a signatory state (403 otherwise), once filed (409 ACTION_NOT_FILED before); 409 ACTION_CLOSED' })
  record(@Param('id', ResourceIdPipe) id: string, @Body() body: RecordDevelopmentRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new RecordDevelopmentCommand(id, body, meta));
  }
}
