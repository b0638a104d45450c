import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { LEGAL_WRITERS } from '../legal-access';
import { CloseLegalActionCommand } from './close-legal-action.command';
import { CloseLegalActionRequest } from './close-legal-action.request.dto';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('legal actions')
@Controller('legal-actions')
export class CloseLegalActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/close')
  @ApiOperation({ summary: 'Close a legal action with its outcome' })
  @HttpCode(200)
  @Access(LEGAL_WRITERS)
  @ApiOkResponse({ type: CommandResultDto, description: 'Lead state only (403 otherwise); status `closed`; 409 ACTION_CLOSED, ACTION_NOT_FILED' })
  close(@Param('id', ResourceIdPipe) id: string, @Body() body: CloseLegalActionRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new CloseLegalActionCommand(id, body, meta));
  }
}
