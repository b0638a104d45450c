import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { DeclineOfferRequest } from './decline-offer.request.dto';
import { DeclineOfferCommand } from './decline-offer.command';

@ApiTags('resource sharing')
@Controller('offers')
export class DeclineOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/decline')
  @ApiOperation({ summary: 'Decline an offer', description: 'Releases its reservation.' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The requesting state declines an open offer, releasing its reservation' })
  declineOffer(@Param('id', ResourceIdPipe) offerId: string, @Body() body: DeclineOfferRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new DeclineOfferCommand(offerId, body.reason, meta));
  }
}
