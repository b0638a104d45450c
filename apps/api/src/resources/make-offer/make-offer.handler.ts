import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { hundredths } from '../resource-validation';
import { MakeOfferCommand } from './make-offer.command';

@CommandHandler(MakeOfferCommand)
export class MakeOfferHandler implements ICommandHandler<MakeOfferCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ requestId, body, meta }: MakeOfferCommand): Promise<CommandResult> {
    const request = await this.facts.locate('request', requestId);
    const [pledge, compact] = await Promise.all([this.facts.find('pledge', body.pledgeId), this.facts.membership(request.compactId)]);
    const offerId = randomUUID();
    // A pledge of another type (or compact) lives in another pool; the decision still names the mismatch.
    const pledgeElsewhere =
      pledge && pledge.streamId !== request.streamId
        ? { stateCode: pledge.stateCode, compactId: pledge.compactId, resourceType: pledge.resourceType }
        : undefined;
    return this.handling.run(resourcePoolDecider, {
      streamId: request.streamId,
      id: offerId,
      status: 201,
      meta,
      command: {
        type: 'MakeOffer',
        data: {
          offerId,
          requestId,
          pledgeId: body.pledgeId,
          quantityHundredths: hundredths(body.quantity),
          ...(body.costEstimate ? { costEstimate: { amountCents: hundredths(body.costEstimate.amount, 'costEstimate.amount'), currency: body.costEstimate.currency } } : {}),
          ...(body.terms ? { terms: body.terms } : {}),
          compact,
          ...(pledgeElsewhere ? { pledgeElsewhere } : {}),
        },
      },
    });
  }
}
