import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { LEGAL_WRITERS } from '../legal-access';
import { OpenLegalActionCommand } from './open-legal-action.command';
import { OpenLegalActionRequest } from './open-legal-action.request.dto';

@ApiTags('legal actions')
@Controller('legal-actions')
export class OpenLegalActionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Open a joint legal action', description: "The caller's state is the lead and first signatory." })
  @HttpCode(201)
  @Access(LEGAL_WRITERS)
  @ApiCreatedResponse({
    type: CommandResultDto,
    description: "The caller's state is the lead and first signatory; 400 VALIDATION_FAILED for a sign-on deadline that is not in the future",
  })
  open(@Body() body: OpenLegalActionRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new OpenLegalActionCommand(body, meta));
  }
}
