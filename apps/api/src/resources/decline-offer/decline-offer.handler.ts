import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { DeclineOfferCommand } from './decline-offer.command';

@CommandHandler(DeclineOfferCommand)
export class DeclineOfferHandler implements ICommandHandler<DeclineOfferCommand> {
  constructor(private readonly pool: PoolEntityCommands) {}

  execute({ offerId, reason, meta }: DeclineOfferCommand): Promise<CommandResult> {
    return this.pool.run('offer', offerId, meta, { type: 'DeclineOffer', data: { offerId, ...(reason ? { reason } : {}) } });
  }
}
