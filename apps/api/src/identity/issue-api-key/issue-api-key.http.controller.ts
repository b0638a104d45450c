import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { IssueApiKeyCommand } from './issue-api-key.command';
import { IssueApiKeyRequest } from './issue-api-key.request.dto';
import { IssuedApiKeyDto } from '../identity.response.dto';

@ApiTags('identity')
@Controller('api-keys')
export class IssueApiKeyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Issue an API key', description: 'For an agency system of a state. A key gets only scopes its issuer could exercise itself.' })
  @HttpCode(201)
  @Access({ roles: ['admin', 'coordinator'] })
  @ApiCreatedResponse({
    type: IssuedApiKeyDto,
    description:
      'The key is shown only in this answer (an Idempotency-Key replay answers without it). ' +
      'An admin issues keys for any registered state, a coordinator only for its own (else 403).',
  })
  issue(@Body() body: IssueApiKeyRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new IssueApiKeyCommand(body, meta));
  }
}
