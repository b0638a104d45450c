import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../resource-id.pipe';
import { WithdrawFromCompactCommand } from './withdraw-from-compact.command';
import { WithdrawFromCompactRequest } from './withdraw-from-compact.request.dto';

@ApiTags('compacts')
@Controller('compacts')
export class WithdrawFromCompactController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdrawals')
  @ApiOperation({ summary: 'Give notice to withdraw from a compact', description: 'The state is withdrawing until effectiveAt (now + withdrawalNoticeDays), then withdrawn.' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'] })
  @ApiOkResponse({
    type: CommandResultDto,
    description: "The caller's ratified state is withdrawing until now + withdrawalNoticeDays, then withdrawn (at once when 0). 409 NOT_A_MEMBER, NOT_RATIFIED, ALREADY_WITHDRAWING",
  })
  withdraw(@Param('id', ResourceIdPipe) id: string, @Body() body: WithdrawFromCompactRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new WithdrawFromCompactCommand(id, body.reason, meta));
  }
}
