import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { OpenProposalCommand } from './open-proposal.command';
import { OpenProposalRequest } from './open-proposal.request.dto';

@ApiTags('proposals')
@Controller('compacts')
export class OpenProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/proposals')
  @ApiOperation({ summary: 'Open a proposal in a compact', description: 'A resolution, an amendment or a dissolution; its electorate and weights are frozen now.' })
  @HttpCode(201)
  @Access({ roles: ['coordinator'] })
  @ApiCreatedResponse({
    type: CommandResultDto,
    description: '{id: proposalId, version, position}; the electorate is the ratified states now. 409 COMPACT_NOT_ACTIVE, NOT_A_MEMBER, NOT_RATIFIED',
  })
  open(@Param('id', ResourceIdPipe) id: string, @Body() body: OpenProposalRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new OpenProposalCommand(id, body, meta));
  }
}
