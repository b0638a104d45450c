import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { legalActionDecider, legalActionStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { WithdrawSignatureCommand } from './withdraw-signature.command';

@CommandHandler(WithdrawSignatureCommand)
export class WithdrawSignatureHandler implements ICommandHandler<WithdrawSignatureCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ legalActionId, stateCode, meta }: WithdrawSignatureCommand): Promise<CommandResult> {
    return this.handling.run(legalActionDecider, {
      streamId: legalActionStreamId(legalActionId),
      id: legalActionId,
      status: 200,
      meta,
      command: { type: 'WithdrawSignature', data: { legalActionId, stateCode } },
    });
  }
}
