import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../resource-id.pipe';
import { RatifyCompactCommand } from './ratify-compact.command';
import { RatifyCompactRequest } from './ratify-compact.request.dto';

@ApiTags('compacts')
@Controller('compacts')
export class RatifyCompactController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/ratifications')
  @ApiOperation({ summary: 'Ratify a compact', description: "By the caller's state's instrument (statute, executive order, agreement); the compact becomes active when minRatifications states have ratified." })
  @HttpCode(200)
  @Access({ roles: ['coordinator'] })
  @ApiOkResponse({
    type: CommandResultDto,
    description: "The caller's admitted state becomes ratified; the compact activates at minRatifications. 409 ALREADY_RATIFIED, NOT_A_MEMBER, COMPACT_DISSOLVED",
  })
  ratify(@Param('id', ResourceIdPipe) id: string, @Body() body: RatifyCompactRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new RatifyCompactCommand(id, body, meta));
  }
}
