import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { RegisterUserCommand } from './register-user.command';
import { RegisterUserRequest } from './register-user.request.dto';

@ApiTags('identity')
@Controller('users')
export class RegisterUserController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a user', description: 'Coordinators and counsel need the stateCode of a registered state; the username must be free (409 DUPLICATE).' })
  @HttpCode(201)
  @Access({ roles: ['admin'] })
  @ApiCreatedResponse({ type: CommandResultDto })
  register(@Body() body: RegisterUserRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new RegisterUserCommand(body, meta));
  }
}
