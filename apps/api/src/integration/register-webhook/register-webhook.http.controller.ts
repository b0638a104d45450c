import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { RegisterWebhookCommand } from './register-webhook.command';
import { RegisterWebhookRequest } from './register-webhook.request.dto';

@ApiTags('integration')
@Controller('webhooks')
export class RegisterWebhookController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook' })
  @HttpCode(201)
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiCreatedResponse({
    type: CommandResultDto,
    description:
      '{id, version, position}. The webhook belongs to the caller and receives, from now on, the events the caller may read. 400 WEBHOOK_ADDRESS_NOT_ALLOWED for a private or loopback host, WEBHOOK_HOST_UNRESOLVED for a host that does not resolve.',
  })
  register(@Body() body: RegisterWebhookRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new RegisterWebhookCommand(body, meta));
  }
}
