import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompactsRepository, CompactSummary } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { CompactSummaryResponse } from '../compact.response.dto';

@ApiTags('compacts')
@Controller('compacts')
export class ListCompactsController {
  constructor(private readonly compacts: CompactsRepository) {}

  @Get()
  @ApiOperation({ summary: 'List compacts' })
  @ApiOkResponse({ type: [CompactSummaryResponse] })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  list(@Query() _query: ReadQuery): Promise<CompactSummary[]> {
    return this.compacts.list();
  }
}
