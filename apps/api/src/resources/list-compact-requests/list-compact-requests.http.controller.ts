import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequestView, ResourceSharingRepository } from '@coalition/read-side';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ReadsResources, ResourceReadAccess } from '../resource-read-access';
import { RequestResponse } from '../resource.response.dto';

@ApiTags('resource sharing')
@Controller('compacts')
export class ListCompactRequestsController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id/requests')
  @ReadsResources({ summary: "List a compact's requests", description: 'Every request made in the compact, oldest first, each with the offers made on it.' }, { type: RequestResponse, isArray: true })
  async list(@Param('id', ResourceIdPipe) compactId: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<RequestView[]> {
    await this.access.assertMayRead(principal, compactId);
    return this.resources.compactRequests(compactId);
  }
}
