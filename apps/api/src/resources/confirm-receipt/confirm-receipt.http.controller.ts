import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { EmptyRequest } from '../empty.request.dto';
import { ConfirmReceiptCommand } from './confirm-receipt.command';

@ApiTags('resource sharing')
@Controller('offers')
export class ConfirmReceiptController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/receipt')
  @ApiOperation({ summary: 'Confirm receipt of an accepted offer' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The requesting state confirms receipt of an accepted offer: status received' })
  confirmReceipt(@Param('id', ResourceIdPipe) offerId: string, @Body() _body: EmptyRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new ConfirmReceiptCommand(offerId, meta));
  }
}
