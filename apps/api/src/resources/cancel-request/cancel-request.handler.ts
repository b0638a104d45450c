import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { CancelRequestCommand } from './cancel-request.command';

@CommandHandler(CancelRequestCommand)
export class CancelRequestHandler implements ICommandHandler<CancelRequestCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ requestId, meta }: CancelRequestCommand): Promise<CommandResult> {
    const request = await this.facts.locate('request', requestId);
    return this.handling.run(resourcePoolDecider, {
      streamId: request.streamId,
      id: requestId,
      status: 200,
      meta,
      command: { type: 'CancelRequest', data: { requestId } },
    });
  }
}
