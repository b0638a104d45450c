import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { MakeOfferCommand } from './make-offer.command';
import { MakeOfferRequest } from './make-offer.request.dto';

@ApiTags('resource sharing')
@Controller('requests')
export class MakeOfferController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/offers')
  @ApiOperation({ summary: 'Offer part of a pledge to a request', description: "Reserves that much of the pledge; the answer's id is the offer's." })
  @HttpCode(201)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiCreatedResponse({
    type: CommandResultDto,
    description:
      '{id: offerId, version, position}; reserves that much of the pledge. 409 INSUFFICIENT_PLEDGE, RESOURCE_MISMATCH, SELF_FULFILMENT, REQUEST_CLOSED',
  })
  offer(@Param('id', ResourceIdPipe) requestId: string, @Body() body: MakeOfferRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new MakeOfferCommand(requestId, body, meta));
  }
}
