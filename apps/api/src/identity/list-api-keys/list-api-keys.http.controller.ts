import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeysRepository, ApiKeyView } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ApiKeyDto } from '../identity.response.dto';

@ApiTags('identity')
@Controller('api-keys')
export class ListApiKeysController {
  constructor(private readonly keys: ApiKeysRepository) {}

  @Get()
  @ApiOperation({ summary: 'List API keys' })
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiOkResponse({ type: [ApiKeyDto], description: 'Every key for an admin, its own state\'s for a coordinator; never the key or its hash' })
  list(@Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<ApiKeyView[]> {
    if (principal.roles.includes('admin')) return this.keys.list();
    return this.keys.list(principal.stateCode ?? '');
  }
}
