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
@Controller('compacts')
export class ListCompactPledgesController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id/pledges')
  @ReadsResources({ summary: "List a compact's pledges", description: 'Every pledge made in the compact, oldest first, with what is reserved and what remains.' }, { type: PledgeResponse, isArray: true })
  async list(@Param('id', ResourceIdPipe) compactId: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<PledgeView[]> {
    await this.access.assertMayRead(principal, compactId);
    return this.resources.compactPledges(compactId);
  }
}
