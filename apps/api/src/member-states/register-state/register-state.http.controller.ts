import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { RegisterStateCommand } from './register-state.command';
import { RegisterStateRequest } from './register-state.request.dto';

@ApiTags('member states')
@Controller('states')
export class RegisterStateController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Register a member state' })
  @HttpCode(201)
  @Access({ roles: ['admin'] })
  @ApiCreatedResponse({ type: CommandResultDto, description: '{id: code, version, position}; 409 DUPLICATE for a known code' })
  register(@Body() body: RegisterStateRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new RegisterStateCommand(body, meta));
  }
}
