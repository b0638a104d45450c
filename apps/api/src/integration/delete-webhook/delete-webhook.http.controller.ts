import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { DeleteWebhookCommand } from './delete-webhook.command';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('integration')
@Controller('webhooks')
export class DeleteWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a webhook' })
  @HttpCode(200)
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The owner or an admin; deliveries stop at once. 404 for an unknown or deleted webhook, 403 for anyone else' })
  delete(@Param('id', ResourceIdPipe) id: string, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new DeleteWebhookCommand(id, meta));
  }
}
