import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResetPasswordCommand } from './reset-password.command';
import { ResetPasswordRequest } from './reset-password.request.dto';

@ApiTags('identity')
@Controller('users')
export class ResetPasswordController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/password')
  @ApiOperation({
    summary: "Set a user's password",
    description:
      "For a user who lost theirs. The user's tokens stop working at once; nothing else about the user changes. " +
      'The audit log records the admin who did it. An admin changes its own password with POST /auth/password (403 here); ' +
      'a deactivated user is refused (409 USER_INACTIVE).',
  })
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  @ApiOkResponse({ type: CommandResultDto })
  reset(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ResetPasswordRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new ResetPasswordCommand(id, body.password, meta));
  }
}
