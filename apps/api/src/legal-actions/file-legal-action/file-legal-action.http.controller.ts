import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { LEGAL_WRITERS } from '../legal-access';
import { FileLegalActionCommand } from './file-legal-action.command';
import { FileLegalActionRequest } from './file-legal-action.request.dto';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('legal actions')
@Controller('legal-actions')
export class FileLegalActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/filings')
  @ApiOperation({ summary: 'File a legal action', description: 'Freezes the signatories.' })
  @HttpCode(200)
  @Access(LEGAL_WRITERS)
  @ApiOkResponse({ type: CommandResultDto, description: 'Lead state only (403 otherwise); status `filed`, signatories frozen; 409 ACTION_FILED, ACTION_CLOSED' })
  file(@Param('id', ResourceIdPipe) id: string, @Body() body: FileLegalActionRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new FileLegalActionCommand(id, body, meta));
  }
}
