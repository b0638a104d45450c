import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PledgeView, ResourceSharingRepository } from '@coalition/read-side';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ReadsResources, ResourceReadAccess } from '../resource-read-access';
import { PledgeResponse } from '../resource.response.dto';

@ApiTags('resource sharing')
@Controller('pledges')
export class GetPledgeController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id')
  @ReadsResources({ summary: 'Get a pledge' }, { type: PledgeResponse, description: 'Reserved counts open and accepted offers' })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<PledgeView> {
    return this.access.readable(principal, 'pledge', id, await this.resources.pledge(id));
  }
}
