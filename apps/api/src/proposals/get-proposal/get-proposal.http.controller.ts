import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProposalsRepository, ProposalView } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { problem, ProblemException } from '../../common/http/problem';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ProposalResponse } from '../proposal.response.dto';

@ApiTags('proposals')
@Controller('proposals')
export class GetProposalController {
  constructor(private readonly proposals: ProposalsRepository) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get a proposal', description: 'With its votes and tally.' })
  @ApiOkResponse({ type: ProposalResponse })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery): Promise<ProposalView> {
    const view = await this.proposals.find(id);
    if (!view) throw new ProblemException(problem(404, 'NOT_FOUND', `Proposal ${id} does not exist`));
    return view;
  }
}
