import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';

@CommandHandler(WithdrawPledgeCommand)
export class WithdrawPledgeHandler implements ICommandHandler<WithdrawPledgeCommand> {
  constructor(private readonly pool: PoolEntityCommands) {}

  execute({ pledgeId, meta }: WithdrawPledgeCommand): Promise<CommandResult> {
    return this.pool.run('pledge', pledgeId, meta, { type: 'WithdrawPledge', data: { pledgeId } });
  }
}
