import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolStreamId } from '@coalition/domain';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { hundredths } from '../resource-validation';
import { MakePledgeCommand } from './make-pledge.command';

@CommandHandler(MakePledgeCommand)
export class MakePledgeHandler implements ICommandHandler<MakePledgeCommand> {
  constructor(
    private readonly pool: PoolEntityCommands,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ compactId, body, meta }: MakePledgeCommand): Promise<CommandResult> {
    const compact = await this.facts.membership(compactId);
    const quantityHundredths = hundredths(body.quantity);
    return this.pool.create(resourcePoolStreamId(compactId, body.resourceType), meta, (pledgeId) => ({
      type: 'MakePledge',
      data: {
        pledgeId,
        compactId,
        resourceType: body.resourceType,
        unit: body.unit,
        quantityHundredths,
        ...(body.note ? { note: body.note } : {}),
        compact,
      },
    }));
  }
}
