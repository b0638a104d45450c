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
@Controller('requests')
export class GetRequestController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id')
  @ReadsResources({ summary: 'Get a request', description: 'With the offers made on it.' }, { type: RequestResponse })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<RequestView> {
    return this.access.readable(principal, 'request', id, await this.resources.request(id));
  }
}
