import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { EmptyRequest } from '../empty.request.dto';
import { PayReimbursementCommand } from './pay-reimbursement.command';

@ApiTags('resource sharing')
@Controller('reimbursements')
export class PayReimbursementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/pay')
  @ApiOperation({ summary: 'Record payment of a reimbursement' })
  @HttpCode(200)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiOkResponse({ type: CommandResultDto, description: 'The requesting state records payment of an approved reimbursement' })
  payReimbursement(@Param('id', ResourceIdPipe) reimbursementId: string, @Body() _body: EmptyRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new PayReimbursementCommand(reimbursementId, meta));
  }
}
