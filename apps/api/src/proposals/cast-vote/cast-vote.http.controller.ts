import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { CastVoteCommand } from './cast-vote.command';
import { CastVoteRequest } from './cast-vote.request.dto';

@ApiTags('proposals')
@Controller('proposals')
export class CastVoteController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/votes')
  @ApiOperation({ summary: 'Vote on a proposal', description: 'A state may change its vote until the proposal closes; every vote stays in the audit log. The last electorate vote closes it.' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'] })
  @ApiOkResponse({
    type: CommandResultDto,
    description: "The caller's state votes (again, to change its vote); the last electorate vote closes the proposal. 409 PROPOSAL_CLOSED, NOT_IN_ELECTORATE",
  })
  vote(@Param('id', ResourceIdPipe) id: string, @Body() body: CastVoteRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new CastVoteCommand(id, body.choice, meta));
  }
}
