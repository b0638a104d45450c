import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompactFacts, CompactsRepository, CompactView, compactViewOf } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { problem, ProblemException } from '../../common/http/problem';
import { ResourceIdPipe } from '../resource-id.pipe';
import { GetCompactQuery } from './get-compact.query.dto';
import { CompactResponse } from '../compact.response.dto';

@ApiTags('compacts')
@Controller('compacts')
export class GetCompactController {
  constructor(
    private readonly compacts: CompactsRepository,
    private readonly facts: CompactFacts,
  ) {}

  /**
   * The read model answers the present; `asOf` folds the compact's own events up to that
   * time instead, so the past is exactly what was recorded, whatever the read model holds.
   */
  @Get(':id')
  @ApiOperation({ summary: 'Get a compact', description: 'With `asOf`, the compact as it stood at that time, folded from its events.' })
  @ApiOkResponse({ type: CompactResponse })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() query: GetCompactQuery): Promise<CompactView> {
    let view: CompactView | undefined;
    if (query.asOf !== undefined) {
      const { state, version } = await this.facts.compact(id, new Date(query.asOf));
      view = compactViewOf(state, version);
    } else {
      view = await this.compacts.find(id);
    }
    if (!view) throw new ProblemException(problem(404, 'NOT_FOUND', query.asOf ? `Compact ${id} did not exist at ${query.asOf}` : `Compact ${id} does not exist`));
    return view;
  }
}
