import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolStreamId } from '@coalition/domain';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { hundredths } from '../resource-validation';
import { MakeRequestCommand } from './make-request.command';

@CommandHandler(MakeRequestCommand)
export class MakeRequestHandler implements ICommandHandler<MakeRequestCommand> {
  constructor(
    private readonly pool: PoolEntityCommands,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ compactId, body, meta }: MakeRequestCommand): Promise<CommandResult> {
    const compact = await this.facts.membership(compactId);
    const quantityHundredths = hundredths(body.quantity);
    return this.pool.create(resourcePoolStreamId(compactId, body.resourceType), meta, (requestId) => ({
      type: 'MakeRequest',
      data: {
        requestId,
        compactId,
        resourceType: body.resourceType,
        unit: body.unit,
        quantityHundredths,
        justification: body.justification,
        ...(body.neededBy ? { neededBy: body.neededBy } : {}),
        compact,
      },
    }));
  }
}
