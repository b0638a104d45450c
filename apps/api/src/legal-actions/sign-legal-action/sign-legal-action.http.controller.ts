import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { LEGAL_WRITERS } from '../legal-access';
import { SignLegalActionCommand } from './sign-legal-action.command';
import { SignLegalActionRequest } from './sign-legal-action.request.dto';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('legal actions')
@Controller('legal-actions')
export class SignLegalActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/signatories')
  @ApiOperation({ summary: 'Sign on to a legal action' })
  @HttpCode(200)
  @Access(LEGAL_WRITERS)
  @ApiOkResponse({ type: CommandResultDto, description: "Adds the caller's state; 409 ALREADY_SIGNED, DEADLINE_PASSED, ACTION_FILED, ACTION_CLOSED" })
  sign(@Param('id', ResourceIdPipe) id: string, @Body() _body: SignLegalActionRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new SignLegalActionCommand(id, meta));
  }
}
