import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';

@ApiTags('identity')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('auth')
export class MeController {
  @Get('me')
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
