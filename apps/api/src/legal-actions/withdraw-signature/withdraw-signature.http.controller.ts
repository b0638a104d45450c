import { Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../../common/auth/access.decorator';
import { CommandMeta } from '../../common/commands/command-handling';
import { CommandMetaFrom } from '../../common/commands/command-meta.decorator';
import { CommandResultDto } from '../../common/commands/command-result.dto';
import { StateCodePipe } from '../../member-states/state-code.pipe';
import { LEGAL_WRITERS } from '../legal-access';
import { WithdrawSignatureCommand } from './withdraw-signature.command';
import { ResourceIdPipe } from '../../common/http/resource-id.pipe';

@ApiTags('legal actions')
@Controller('legal-actions')
export class WithdrawSignatureController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id/signatories/:code')
  @ApiOperation({ summary: "Withdraw a state's signature", description: 'Before filing; the lead state cannot withdraw.' })
  @HttpCode(200)
  @Access(LEGAL_WRITERS)
  @ApiOkResponse({
    type: CommandResultDto,
    description: 'Counsel of that state only (403 otherwise); 409 ACTION_FILED after filing, LEAD_CANNOT_WITHDRAW for the lead, NOT_A_SIGNATORY',
  })
  withdraw(@Param('id', ResourceIdPipe) id: string, @Param('code', StateCodePipe) code: string, @CommandMetaFrom() meta: CommandMeta) {
    return this.commands.execute(new WithdrawSignatureCommand(id, code, meta));
  }
}
