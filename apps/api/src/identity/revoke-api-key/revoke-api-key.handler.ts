import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ keyId, meta }: RevokeApiKeyCommand): Promise<CommandResult> {
    return this.handling.run(apiKeyDecider, {
      streamId: apiKeyStreamId(keyId),
      id: keyId,
      status: 200,
      meta,
      command: { type: 'RevokeApiKey', data: { keyId } },
    });
  }
}
