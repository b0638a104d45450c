import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command';
import { RotateWebhookSecretRequest } from './rotate-webhook-secret.request.dto';

@ApiSchema({ name: 'RotatedWebhookSecret' })
export class RotatedWebhookSecretDto extends CommandResultDto {
  @ApiPropertyOptional({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The new secret, in the Standard Webhooks form; shown only in this answer (an Idempotency-Key replay answers without it)' })
  secret?: string;
  @ApiProperty({ format: 'date-time', description: 'Until about then deliveries are signed with the previous secret too' }) previousSecretExpiresAt!: string;
}

@ApiTags('integration')
@Controller('webhooks')
export class RotateWebhookSecretController {
  constructor(private readonly commands: CommandBus) {}

  /** Addition to the contract: a new signing secret with a grace period for the previous one. */
  @Post(':id/secret-rotations')
  @ApiOperation({
    summary: "Rotate a webhook's signing secret",
    description:
      'Mints a new secret (`whsec_` + base64 of 32 random bytes) and answers it once. Until the grace period ends, `webhook-signature` carries a signature ' +
      'with each secret and `X-Coalition-Signature` still uses the previous one; afterwards only the new secret signs.',
  })
  @HttpCode(201)
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiCreatedResponse({ type: RotatedWebhookSecretDto, description: 'The owner or an admin: the new secret, shown only here' })
  rotate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RotateWebhookSecretRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new RotateWebhookSecretCommand(id, body, meta));
  }
}
