import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CategoryCents, ReimbursementCategory } from '@coalition/domain';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { hundredths } from '../resource-validation';
import { ClaimReimbursementCommand } from './claim-reimbursement.command';
import { ReimbursementCategoriesDto } from './claim-reimbursement.request.dto';

const CATEGORIES: readonly ReimbursementCategory[] = ['personnel', 'travel', 'equipment', 'commodities', 'other'];

@CommandHandler(ClaimReimbursementCommand)
export class ClaimReimbursementHandler implements ICommandHandler<ClaimReimbursementCommand> {
  constructor(private readonly pool: PoolEntityCommands) {}

  execute({ offerId, body, meta }: ClaimReimbursementCommand): Promise<CommandResult> {
    return this.pool.createBeside('offer', offerId, meta, (reimbursementId) => {
      const categoriesCents = centsByCategory(body.categories);
      return { type: 'ClaimReimbursement', data: { reimbursementId, offerId, amountCents: hundredths(body.amount, 'amount'), currency: body.currency, categoriesCents } };
    });
  }
}

function centsByCategory(categories: ReimbursementCategoriesDto): CategoryCents {
  const cents: CategoryCents = {};
  for (const category of CATEGORIES) {
    const amount = categories[category];
    if (amount !== undefined) cents[category] = hundredths(amount, `categories.${category}`);
  }
  return cents;
}
