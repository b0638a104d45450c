import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CompactResourcesView, ResourceSharingRepository } from '@coalition/read-side';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ReadsResources, ResourceReadAccess } from '../resource-read-access';
import { CompactResourcesResponse } from '../resource.response.dto';

@ApiTags('resource sharing')
@Controller('compacts')
export class GetCompactResourcesController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id/resources')
  @ReadsResources({ summary: "Get a compact's resource pools and ledger" }, { type: CompactResourcesResponse, description: 'One pool per resource type and unit, and one ledger row per state and resource' })
  async get(@Param('id', ResourceIdPipe) compactId: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<CompactResourcesView> {
    await this.access.assertMayRead(principal, compactId);
    return this.resources.compactResources(compactId);
  }
}
