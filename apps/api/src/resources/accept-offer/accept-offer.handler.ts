import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { AcceptOfferCommand } from './accept-offer.command';

@CommandHandler(AcceptOfferCommand)
export class AcceptOfferHandler implements ICommandHandler<AcceptOfferCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ offerId, meta }: AcceptOfferCommand): Promise<CommandResult> {
    const offer = await this.facts.locate('offer', offerId);
    const compact = await this.facts.membership(offer.compactId);
    return this.handling.run(resourcePoolDecider, {
      streamId: offer.streamId,
      id: offerId,
      status: 200,
      meta,
      command: { type: 'AcceptOffer', data: { offerId, compact } },
    });
  }
}
