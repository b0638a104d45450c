import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MemberStatesRepository, MemberStateView } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { MemberStateResponse } from '../member-state.response.dto';

@ApiTags('member states')
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
