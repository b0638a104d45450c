import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { EmptyRequest } from '../empty.request.dto';
import { WithdrawOfferCommand } from './withdraw-offer.command';

@ApiTags('resource sharing')
@Controller('offers')
export class WithdrawOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdraw')
  @ApiOperation({ summary: 'Withdraw an offer', description: 'Before acceptance; releases its reservation.' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The offering state withdraws an offer before acceptance, releasing its reservation' })
  withdrawOffer(@Param('id', ResourceIdPipe) offerId: string, @Body() _body: EmptyRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new WithdrawOfferCommand(offerId, meta));
  }
}
