import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { MakePledgeCommand } from './make-pledge.command';
import { MakePledgeRequest } from './make-pledge.request.dto';

@ApiTags('resource sharing')
@Controller('compacts')
export class MakePledgeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/pledges')
  @ApiOperation({ summary: 'Pledge resources to a compact', description: 'A standing offer of capacity by a ratified state of an active compact.' })
  @HttpCode(201)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiCreatedResponse({ type: CommandResultDto, description: '{id: pledgeId, version, position}; the caller’s state must be ratified in an active compact' })
  pledge(@Param('id', ResourceIdPipe) compactId: string, @Body() body: MakePledgeRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new MakePledgeCommand(compactId, body, meta));
  }
}
