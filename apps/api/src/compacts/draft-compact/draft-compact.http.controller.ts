import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { DraftCompactCommand } from './draft-compact.command';
import { DraftCompactRequest } from './draft-compact.request.dto';

@ApiTags('compacts')
@Controller('compacts')
export class DraftCompactController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiOperation({ summary: 'Draft a compact', description: "The caller's state must be one of the founding states, which start admitted." })
  @HttpCode(201)
  @Access({ roles: ['coordinator'] })
  @ApiCreatedResponse({ type: CommandResultDto, description: "{id: compactId, version, position}; 403 unless the caller's state is a founder" })
  draft(@Body() body: DraftCompactRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new DraftCompactCommand(body, meta));
  }
}
