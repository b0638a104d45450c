import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { MemberStatesRepository, MemberStateView } from '@coalition/infra';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';

@ApiTags('member states')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('states')
export class ListStatesController {
  constructor(private readonly states: MemberStatesRepository) {}

  @Get()
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  list(@Query() _query: ReadQuery): Promise<MemberStateView[]> {
    return this.states.list();
  }
}
