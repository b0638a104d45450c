import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { EmptyRequest } from '../empty.request.dto';
import { CancelRequestCommand } from './cancel-request.command';

@ApiTags('resource sharing')
@Controller('requests')
export class CancelRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/cancel')
  @ApiOperation({ summary: 'Cancel a request', description: 'Open offers on it are declined.' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The requesting state cancels its request; open offers on it are declined' })
  cancelRequest(@Param('id', ResourceIdPipe) requestId: string, @Body() _body: EmptyRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new CancelRequestCommand(requestId, meta));
  }
}
