import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { EmptyRequest } from '../empty.request.dto';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';

@ApiTags('resource sharing')
@Controller('pledges')
export class WithdrawPledgeController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdraw')
  @ApiOperation({ summary: 'Withdraw a pledge', description: 'Takes back its unreserved remainder.' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The pledging state withdraws the unreserved remainder of its pledge' })
  withdrawPledge(@Param('id', ResourceIdPipe) pledgeId: string, @Body() _body: EmptyRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new WithdrawPledgeCommand(pledgeId, meta));
  }
}
