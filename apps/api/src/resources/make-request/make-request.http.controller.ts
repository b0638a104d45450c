import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { MakeRequestCommand } from './make-request.command';
import { MakeRequestRequest } from './make-request.request.dto';

@ApiTags('resource sharing')
@Controller('compacts')
export class MakeRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/requests')
  @ApiOperation({ summary: 'Request resources in a compact' })
  @HttpCode(201)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiCreatedResponse({ type: CommandResultDto, description: '{id: requestId, version, position}; the caller’s state must be ratified in an active compact' })
  request(@Param('id', ResourceIdPipe) compactId: string, @Body() body: MakeRequestRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new MakeRequestCommand(compactId, body, meta));
  }
}
