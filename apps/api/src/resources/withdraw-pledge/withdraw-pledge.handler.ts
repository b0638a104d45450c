import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { WithdrawPledgeCommand } from './withdraw-pledge.command';

@CommandHandler(WithdrawPledgeCommand)
export class WithdrawPledgeHandler implements ICommandHandler<WithdrawPledgeCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ pledgeId, meta }: WithdrawPledgeCommand): Promise<CommandResult> {
    const pledge = await this.facts.locate('pledge', pledgeId);
    return this.handling.run(resourcePoolDecider, {
      streamId: pledge.streamId,
      id: pledgeId,
      status: 200,
      meta,
      command: { type: 'WithdrawPledge', data: { pledgeId } },
    });
  }
}
