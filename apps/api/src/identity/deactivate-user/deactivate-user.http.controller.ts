import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { DeactivateUserCommand } from './deactivate-user.command';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('identity')
@Controller('users')
export class DeactivateUserController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/deactivate')
  @ApiOperation({ summary: 'Deactivate a user', description: "The user's tokens stop working at once." })
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  @ApiOkResponse({ type: CommandResultDto })
  deactivate(@Param('id', ResourceIdPipe) id: string, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new DeactivateUserCommand(id, meta));
  }
}
