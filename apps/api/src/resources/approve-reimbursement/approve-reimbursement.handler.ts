import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { ApproveReimbursementCommand } from './approve-reimbursement.command';

@CommandHandler(ApproveReimbursementCommand)
export class ApproveReimbursementHandler implements ICommandHandler<ApproveReimbursementCommand> {
  constructor(private readonly pool: PoolEntityCommands) {}

  execute({ reimbursementId, meta }: ApproveReimbursementCommand): Promise<CommandResult> {
    return this.pool.run('reimbursement', reimbursementId, meta, { type: 'ApproveReimbursement', data: { reimbursementId } });
  }
}
