import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { PayReimbursementCommand } from './pay-reimbursement.command';

@CommandHandler(PayReimbursementCommand)
export class PayReimbursementHandler implements ICommandHandler<PayReimbursementCommand> {
  constructor(private readonly pool: PoolEntityCommands) {}

  execute({ reimbursementId, meta }: PayReimbursementCommand): Promise<CommandResult> {
    return this.pool.run('reimbursement', reimbursementId, meta, { type: 'PayReimbursement', data: { reimbursementId } });
  }
}
