import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { MeDto } from '../identity.response.dto';

@ApiTags('identity')
@Controller('auth')
export class MeController {
  @Get('me')
  @ApiOperation({ operationId: 'getMe', summary: 'Who am I', description: 'The principal the credentials stand for: a user or an API key, its roles, state and scopes.' })
  @ApiOkResponse({ type: MeDto })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  me(@CurrentPrincipal() principal: Principal) {
    return {
      id: principal.id,
      kind: principal.kind,
      ...(principal.username ? { username: principal.username } : {}),
      roles: principal.roles,
      stateCode: principal.stateCode,
      ...(principal.scopes ? { scopes: principal.scopes } : {}),
    };
  }
}
