import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompactsRepository, ProposalsRepository, ProposalView } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { problem, ProblemException } from '../../common/http/problem';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ProposalResponse } from '../proposal.response.dto';

@ApiTags('proposals')
@Controller('compacts')
export class ListCompactProposalsController {
  constructor(
    private readonly compacts: CompactsRepository,
    private readonly proposals: ProposalsRepository,
  ) {}

  /** Newest first, admissions included. */
  @Get(':id/proposals')
  @ApiOperation({ summary: "List a compact's proposals", description: 'Newest first.' })
  @ApiOkResponse({ type: [ProposalResponse] })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  async list(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery): Promise<ProposalView[]> {
    if (!(await this.compacts.exists(id))) throw new ProblemException(problem(404, 'NOT_FOUND', `Compact ${id} does not exist`));
    return this.proposals.listForCompact(id);
  }
}
