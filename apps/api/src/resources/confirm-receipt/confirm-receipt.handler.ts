import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { resourcePoolDecider } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ResourceSharingFacts } from '../resource-sharing.facts';
import { ConfirmReceiptCommand } from './confirm-receipt.command';

@CommandHandler(ConfirmReceiptCommand)
export class ConfirmReceiptHandler implements ICommandHandler<ConfirmReceiptCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async execute({ offerId, meta }: ConfirmReceiptCommand): Promise<CommandResult> {
    const offer = await this.facts.locate('offer', offerId);
    return this.handling.run(resourcePoolDecider, {
      streamId: offer.streamId,
      id: offerId,
      status: 200,
      meta,
      command: { type: 'ConfirmReceipt', data: { offerId } },
    });
  }
}
