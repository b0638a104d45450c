import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { RevokeApiKeyCommand } from './revoke-api-key.command';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('identity')
@Controller('api-keys')
export class RevokeApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key' })
  @HttpCode(200)
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The key stops working at once. An admin, or a coordinator of the key\'s state (else 403).' })
  revoke(@Param('id', ResourceIdPipe) id: string, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new RevokeApiKeyCommand(id, meta));
  }
}
