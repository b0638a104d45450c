import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CompactsRepository, CompactSummary } from '@coalition/infra';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';

@ApiTags('compacts')
@ApiBearerAuth()
@Controller('compacts')
export class ListCompactsController {
  constructor(private readonly compacts: CompactsRepository) {}

  @Get()
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  list(@Query() _query: ReadQuery): Promise<CompactSummary[]> {
    return this.compacts.list();
  }
}
