import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { EmptyRequest } from '../empty.request.dto';
import { AcceptOfferCommand } from './accept-offer.command';

@ApiTags('resource sharing')
@Controller('offers')
export class AcceptOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/accept')
  @ApiOperation({ summary: 'Accept an offer', description: 'A binding agreement between the two states.' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The requesting state accepts: a binding agreement. 409 EXCEEDS_REQUEST past the request’s quantity, OFFER_NOT_OPEN' })
  acceptOffer(@Param('id', ResourceIdPipe) offerId: string, @Body() _body: EmptyRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new AcceptOfferCommand(offerId, meta));
  }
}
