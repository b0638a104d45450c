import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { CloseProposalCommand } from './close-proposal.command';
import { CloseProposalRequest } from './close-proposal.request.dto';

@ApiTags('proposals')
@Controller('proposals')
export class CloseProposalController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/close')
  @ApiOperation({ summary: 'Close a proposal', description: 'Once closesAt has passed or every electorate state has voted (else 409 PROPOSAL_STILL_OPEN).' })
  @HttpCode(200)
  @Access({ roles: ['coordinator', 'admin'] })
  @ApiOkResponse({
    type: CommandResultDto,
    description: 'By the proposing state or an admin, once closesAt has passed or every electorate state has voted; else 409 PROPOSAL_STILL_OPEN. 409 PROPOSAL_CLOSED when closed',
  })
  close(@Param('id', ResourceIdPipe) id: string, @Body() _body: CloseProposalRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new CloseProposalCommand(id, meta));
  }
}
