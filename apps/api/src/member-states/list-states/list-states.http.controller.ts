import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { MemberStatesRepository, MemberStateView } from '@coalition/infra';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { MemberStateResponse } from '../member-state.response.dto';

@ApiTags('member states')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('states')
export class ListStatesController {
  constructor(private readonly states: MemberStatesRepository) {}

  @Get()
  @ApiOperation({ summary: 'List member states' })
  @ApiOkResponse({ type: [MemberStateResponse] })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  list(@Query() _query: ReadQuery): Promise<MemberStateView[]> {
    return this.states.list();
  }
}
