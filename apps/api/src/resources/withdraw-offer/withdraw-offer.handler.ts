import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { WithdrawOfferCommand } from './withdraw-offer.command';

@CommandHandler(WithdrawOfferCommand)
export class WithdrawOfferHandler implements ICommandHandler<WithdrawOfferCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ offerId, meta }: WithdrawOfferCommand): Promise<CommandResult> {
    const offer = await this.facts.locate('offer', offerId);
    return this.handling.run(resourcePoolDecider, {
      streamId: offer.streamId,
      id: offerId,
      status: 200,
      meta,
      command: { type: 'WithdrawOffer', data: { offerId } },
    });
  }
}
