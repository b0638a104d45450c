import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { ApproveReimbursementCommand } from './approve-reimbursement.command';

@CommandHandler(ApproveReimbursementCommand)
export class ApproveReimbursementHandler implements ICommandHandler<ApproveReimbursementCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ reimbursementId, meta }: ApproveReimbursementCommand): Promise<CommandResult> {
    const reimbursement = await this.facts.locate('reimbursement', reimbursementId);
    return this.handling.run(resourcePoolDecider, {
      streamId: reimbursement.streamId,
      id: reimbursementId,
      status: 200,
      meta,
      command: { type: 'ApproveReimbursement', data: { reimbursementId } },
    });
  }
}
