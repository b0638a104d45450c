import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { DeclineOfferCommand } from './decline-offer.command';

@CommandHandler(DeclineOfferCommand)
export class DeclineOfferHandler implements ICommandHandler<DeclineOfferCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ offerId, reason, meta }: DeclineOfferCommand): Promise<CommandResult> {
    const offer = await this.facts.locate('offer', offerId);
    return this.handling.run(resourcePoolDecider, {
      streamId: offer.streamId,
      id: offerId,
      status: 200,
      meta,
      command: { type: 'DeclineOffer', data: { offerId, ...(reason ? { reason } : {}) } },
    });
  }
}
