import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { WithdrawOfferCommand } from './withdraw-offer.command';

@CommandHandler(WithdrawOfferCommand)
export class WithdrawOfferHandler implements ICommandHandler<WithdrawOfferCommand> {
  constructor(private readonly pool: PoolEntityCommands) {}

  execute({ offerId, meta }: WithdrawOfferCommand): Promise<CommandResult> {
    return this.pool.run('offer', offerId, meta, { type: 'WithdrawOffer', data: { offerId } });
  }
}
