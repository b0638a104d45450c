import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../resource-id.pipe';
import { JoinCompactCommand } from './join-compact.command';
import { JoinCompactRequest } from './join-compact.request.dto';

@ApiTags('compacts')
@Controller('compacts')
export class JoinCompactController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/join-requests')
  @ApiOperation({ summary: 'Ask to join a compact', description: "The caller's state becomes applied and an admission proposal opens for the ratified states; the answer's id is that proposal's." })
  @HttpCode(201)
  @Access({ roles: ['coordinator'] })
  @ApiCreatedResponse({
    type: CommandResultDto,
    description:
      "{id: proposalId, version, position}: the caller's state is applied and an admission proposal opens; if it passes the state is admitted. 409 ALREADY_MEMBER, ALREADY_APPLIED, COMPACT_NOT_ACTIVE",
  })
  join(@Param('id', ResourceIdPipe) id: string, @Body() body: JoinCompactRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new JoinCompactCommand(id, body.closesAt, meta));
  }
}
