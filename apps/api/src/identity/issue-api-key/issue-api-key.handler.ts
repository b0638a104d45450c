import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId } from '@coalition/domain';
import { CommandHandling } from '../../common/commands/command-handling';
import { ApiKeyCredentials } from '../api-keys/api-key-credentials';
import { RegisteredStates } from '../registered-states';
import { IssueApiKeyCommand, IssuedApiKey } from './issue-api-key.command';

@CommandHandler(IssueApiKeyCommand)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKeyCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly states: RegisteredStates,
  ) {}

  async execute({ body, meta }: IssueApiKeyCommand): Promise<IssuedApiKey> {
    const { keyId, key, keyHash } = ApiKeyCredentials.mint();
    const result = await this.handling.run(apiKeyDecider, {
      streamId: apiKeyStreamId(keyId),
      id: keyId,
      status: 201,
      meta,
      command: {
        type: 'IssueApiKey',
        data: {
          keyId,
          name: body.name,
          stateCode: body.stateCode,
          scopes: body.scopes,
          expiresAt: body.expiresAt ? new Date(body.expiresAt).toISOString() : null,
          keyHash,
          stateRegistered: await this.states.has(body.stateCode),
        },
      },
    });
    return { ...result, key };
  }
}
