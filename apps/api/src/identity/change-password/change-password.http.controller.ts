import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { ChangePasswordResultDto } from '../identity.response.dto';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordRequest } from './change-password.request.dto';

@ApiTags('identity')
@Controller('auth')
export class ChangePasswordController {
  constructor(private readonly commands: CommandBus) {}

  @Post('password')
  @ApiOperation({
    summary: 'Change my password',
    description:
      'For a signed-in user (a bearer token, not an API key). A wrong current password answers 401 and counts toward the ' +
      "login throttle of the user's username. Every token issued before the change stops working, the one that made it " +
      'included; the answer carries a fresh token for the caller to go on with.',
  })
  @HttpCode(200)
  @Access({})
  @ApiOkResponse({ type: ChangePasswordResultDto })
  change(@Body() body: ChangePasswordRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new ChangePasswordCommand(body, meta));
  }
}
