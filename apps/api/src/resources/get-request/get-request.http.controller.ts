import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PoolEntityNotFound } from '@coalition/domain';
import { RequestView, ResourceSharingRepository } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ResourceReadAccess } from '../resource-read-access';
import { RequestResponse } from '../resource.response.dto';

@ApiTags('resource sharing')
@Controller('requests')
export class GetRequestController {
  constructor(
    private readonly resources: ResourceSharingRepository,
    private readonly access: ResourceReadAccess,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'Get a request', description: 'With the offers made on it.' })
  @Access({ scopes: ['read', 'resources:write'] })
  @ApiOkResponse({ type: RequestResponse })
  async get(@Param('id', ResourceIdPipe) id: string, @Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<RequestView> {
    const found = await this.resources.request(id);
    if (!found) throw new PoolEntityNotFound('request', id);
    await this.access.assertMayRead(principal, found.compactId);
    return found;
  }
}
