import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { LegalActionCommands } from '../legal-action-commands';
import { WithdrawSignatureCommand } from './withdraw-signature.command';

@CommandHandler(WithdrawSignatureCommand)
export class WithdrawSignatureHandler implements ICommandHandler<WithdrawSignatureCommand> {
  constructor(private readonly legal: LegalActionCommands) {}

  execute({ legalActionId, stateCode, meta }: WithdrawSignatureCommand): Promise<CommandResult> {
    return this.legal.run(legalActionId, meta, { type: 'WithdrawSignature', data: { legalActionId, stateCode } });
  }
}
