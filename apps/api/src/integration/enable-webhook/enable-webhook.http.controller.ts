import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { EnableWebhookCommand } from './enable-webhook.command';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('integration')
@Controller('webhooks')
export class EnableWebhookController {
  constructor(private readonly commands: CommandBus) {}

  /** Addition to the contract: resume a webhook disabled after repeated failure. */
  @Post(':id/enable')
  @ApiOperation({ summary: 'Enable a disabled webhook' })
  @HttpCode(200)
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The owner or an admin; deliveries resume with the event that was pending, with a fresh series of attempts' })
  enable(@Param('id', ResourceIdPipe) id: string, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new EnableWebhookCommand(id, meta));
  }
}
