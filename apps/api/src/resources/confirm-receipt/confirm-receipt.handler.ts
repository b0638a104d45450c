import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { ConfirmReceiptCommand } from './confirm-receipt.command';

@CommandHandler(ConfirmReceiptCommand)
export class ConfirmReceiptHandler implements ICommandHandler<ConfirmReceiptCommand> {
  constructor(private readonly pool: PoolEntityCommands) {}

  execute({ offerId, meta }: ConfirmReceiptCommand): Promise<CommandResult> {
    return this.pool.run('offer', offerId, meta, { type: 'ConfirmReceipt', data: { offerId } });
  }
}
