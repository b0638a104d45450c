import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PoolEntityNotFound } from '@coalition/domain';
import { PledgeView, ResourceSharingRepository } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ResourceReadAccess } from '../resource-read-access';
import { PledgeResponse } from '../resource.response.dto';

@ApiTags('resource sharing')
@Controller('pledges')
export class GetPledgeController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get a pledge' })
  @Access({ scopes: ['read', 'resources:write'] })
  @ApiOkResponse({ type: PledgeResponse, description: 'Reserved counts open and accepted offers' })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<PledgeView> {
    const found = await this.resources.pledge(id);
    if (!found) throw new PoolEntityNotFound('pledge', id);
    await this.access.assertMayRead(principal, found.compactId);
    return found;
  }
}
