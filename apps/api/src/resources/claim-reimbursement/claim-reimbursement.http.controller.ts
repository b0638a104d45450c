import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { ResourceIdPipe } from '../../compacts/resource-id.pipe';
import { ClaimReimbursementCommand } from './claim-reimbursement.command';
import { ClaimReimbursementRequest } from './claim-reimbursement.request.dto';

@ApiTags('resource sharing')
@Controller('offers')
export class ClaimReimbursementController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reimbursements')
  @ApiOperation({ summary: 'Claim reimbursement for an accepted offer', description: 'The categories sum to the amount, to the cent.' })
  @HttpCode(201)
  @Access({ roles: ['coordinator'], scopes: ['resources:write'] })
  @ApiCreatedResponse({
    type: CommandResultDto,
    description: '{id: reimbursementId, version, position}: the offering state claims after acceptance; 400 CATEGORIES_DO_NOT_SUM unless the categories sum to the amount',
  })
  claim(@Param('id', ResourceIdPipe) offerId: string, @Body() body: ClaimReimbursementRequest, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new ClaimReimbursementCommand(offerId, body, meta));
  }
}
