import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CategoryCents, ReimbursementCategory, resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { hundredths } from '../resource-validation';
import { ClaimReimbursementCommand } from './claim-reimbursement.command';

const CATEGORIES: readonly ReimbursementCategory[] = ['personnel', 'travel', 'equipment', 'commodities', 'other'];

@CommandHandler(ClaimReimbursementCommand)
export class ClaimReimbursementHandler implements ICommandHandler<ClaimReimbursementCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ offerId, body, meta }: ClaimReimbursementCommand): Promise<CommandResult> {
    const offer = await this.facts.locate('offer', offerId);
    const reimbursementId = randomUUID();
    const categoriesCents: CategoryCents = {};
    for (const category of CATEGORIES) {
      const amount = body.categories[category];
      if (amount !== undefined) categoriesCents[category] = hundredths(amount, `categories.${category}`);
    }
    return this.handling.run(resourcePoolDecider, {
      streamId: offer.streamId,
      id: reimbursementId,
      status: 201,
      meta,
      command: {
        type: 'ClaimReimbursement',
        data: { reimbursementId, offerId, amountCents: hundredths(body.amount, 'amount'), currency: body.currency, categoriesCents },
      },
    });
  }
}
