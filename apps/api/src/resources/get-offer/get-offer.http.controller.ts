import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { OfferView, ResourceSharingRepository } from '@coalition/read-side';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ReadsResources, ResourceReadAccess } from '../resource-read-access';
import { OfferResponse } from '../resource.response.dto';

@ApiTags('resource sharing')
@Controller('offers')
export class GetOfferController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id')
  @ReadsResources({ summary: 'Get an offer', description: 'With its reimbursements.' }, { type: OfferResponse, description: 'One offer, with its reimbursements' })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<OfferView> {
    return this.access.readable(principal, 'offer', id, await this.resources.offer(id));
  }
}
