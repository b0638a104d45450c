import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider, resourcePoolStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { hundredths } from '../resource-validation';
import { MakePledgeCommand } from './make-pledge.command';

@CommandHandler(MakePledgeCommand)
export class MakePledgeHandler implements ICommandHandler<MakePledgeCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ compactId, body, meta }: MakePledgeCommand): Promise<CommandResult> {
    const compact = await this.facts.membership(compactId);
    const pledgeId = randomUUID();
    return this.handling.run(resourcePoolDecider, {
      streamId: resourcePoolStreamId(compactId, body.resourceType),
      id: pledgeId,
      status: 201,
      meta,
      command: {
        type: 'MakePledge',
        data: {
          pledgeId,
          compactId,
          resourceType: body.resourceType,
          unit: body.unit,
          quantityHundredths: hundredths(body.quantity),
          ...(body.note ? { note: body.note } : {}),
          compact,
        },
      },
    });
  }
}
