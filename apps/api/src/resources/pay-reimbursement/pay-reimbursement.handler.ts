import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { PayReimbursementCommand } from './pay-reimbursement.command';

@CommandHandler(PayReimbursementCommand)
export class PayReimbursementHandler implements ICommandHandler<PayReimbursementCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ reimbursementId, meta }: PayReimbursementCommand): Promise<CommandResult> {
    const reimbursement = await this.facts.locate('reimbursement', reimbursementId);
    return this.handling.run(resourcePoolDecider, {
      streamId: reimbursement.streamId,
      id: reimbursementId,
      status: 200,
      meta,
      command: { type: 'PayReimbursement', data: { reimbursementId } },
    });
  }
}
