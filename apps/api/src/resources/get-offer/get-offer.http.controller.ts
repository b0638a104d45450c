import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PoolEntityNotFound } from '@coalition/domain';
import { OfferView, ResourceSharingRepository } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ResourceReadAccess } from '../resource-read-access';
import { OfferResponse } from '../resource.response.dto';

@ApiTags('resource sharing')
@Controller('offers')
export class GetOfferController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get an offer', description: 'With its reimbursements.' })
  @Access({ scopes: ['read', 'resources:write'] })
  @ApiOkResponse({ type: OfferResponse, description: 'One offer, with its reimbursements' })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<OfferView> {
    const found = await this.resources.offer(id);
    if (!found) throw new PoolEntityNotFound('offer', id);
    await this.access.assertMayRead(principal, found.compactId);
    return found;
  }
}
