import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeysRepository, ApiKeyView } from '@coalition/infra';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { ReadQuery } from '../../common/http/list-query.dto';
import { ApiKeyDto } from '../identity.response.dto';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('api-keys')
export class ListApiKeysController {
  constructor(private readonly keys: ApiKeysRepository) {}

  @Get()
  @ApiOperation({ summary: 'List API keys' })
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiOkResponse({ type: [ApiKeyDto], description: '[{id, name, stateCode, scopes, createdAt, expiresAt, revokedAt}]: every key for an admin, its own state\'s for a coordinator; never the key or its hash' })
  list(@Query() _query: ReadQuery, @CurrentPrincipal() principal: Principal): Promise<ApiKeyView[]> {
    if (principal.roles.includes('admin')) return this.keys.list();
    return this.keys.list(principal.stateCode ?? '');
  }
}
