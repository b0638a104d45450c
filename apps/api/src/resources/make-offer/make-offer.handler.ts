import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { hundredths } from '../resource-validation';
import { MakeOfferCommand } from './make-offer.command';

@CommandHandler(MakeOfferCommand)
export class MakeOfferHandler implements ICommandHandler<MakeOfferCommand> {
  constructor(
    private readonly pool: PoolEntityCommands,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ requestId, body, meta }: MakeOfferCommand): Promise<CommandResult> {
    const request = await this.facts.locate('request', requestId);
    const [pledge, compact] = await Promise.all([this.facts.find('pledge', body.pledgeId), this.facts.membership(request.compactId)]);
    // A pledge of another type (or compact) lives in another pool; the decision still names the mismatch.
    const pledgeElsewhere =
      pledge && pledge.streamId !== request.streamId
        ? { stateCode: pledge.stateCode, compactId: pledge.compactId, resourceType: pledge.resourceType }
        : undefined;
    const quantityHundredths = hundredths(body.quantity);
    const costEstimate = body.costEstimate && { amountCents: hundredths(body.costEstimate.amount, 'costEstimate.amount'), currency: body.costEstimate.currency };
    return this.pool.create(request.streamId, meta, (offerId) => ({
      type: 'MakeOffer',
      data: {
        offerId,
        requestId,
        pledgeId: body.pledgeId,
        quantityHundredths,
        ...(costEstimate ? { costEstimate } : {}),
        ...(body.terms ? { terms: body.terms } : {}),
        compact,
        ...(pledgeElsewhere ? { pledgeElsewhere } : {}),
      },
    }));
  }
}
