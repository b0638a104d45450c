import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider, resourcePoolStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { hundredths } from '../resource-validation';
import { MakeRequestCommand } from './make-request.command';

@CommandHandler(MakeRequestCommand)
export class MakeRequestHandler implements ICommandHandler<MakeRequestCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ compactId, body, meta }: MakeRequestCommand): Promise<CommandResult> {
    const compact = await this.facts.membership(compactId);
    const requestId = randomUUID();
    return this.handling.run(resourcePoolDecider, {
      streamId: resourcePoolStreamId(compactId, body.resourceType),
      id: requestId,
      status: 201,
      meta,
      command: {
        type: 'MakeRequest',
        data: {
          requestId,
          compactId,
          resourceType: body.resourceType,
          unit: body.unit,
          quantityHundredths: hundredths(body.quantity),
          justification: body.justification,
          ...(body.neededBy ? { neededBy: body.neededBy } : {}),
          compact,
        },
      },
    });
  }
}
