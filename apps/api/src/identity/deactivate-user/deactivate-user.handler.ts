import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId, userDecider, userStreamId } from '@coalition/domain';
import { ApiKeysRepository } from '@coalition/infra';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { DeactivateUserCommand } from './deactivate-user.command';

/**
 * Deactivates the user, then revokes the keys it issued so that their listing says so. A key
 * the listing has not caught up with yet is refused all the same: authentication checks the
 * issuer's stream (ApiKeyCredentials).
 */
@CommandHandler(DeactivateUserCommand)
export class DeactivateUserHandler implements ICommandHandler<DeactivateUserCommand> {
  constructor(
    private readonly handling: CommandHandling,
    private readonly keys: ApiKeysRepository,
  ) {}

  async execute({ userId, meta }: DeactivateUserCommand): Promise<CommandResult> {
    const result = await this.handling.run(userDecider, {
      streamId: userStreamId(userId),
      id: userId,
      status: 200,
      meta,
      command: { type: 'DeactivateUser', data: { userId } },
    });
    const follow = { principal: meta.principal, correlationId: meta.correlationId };
    for (const keyId of await this.keys.unrevokedIssuedBy(userId)) {
      await this.handling.run(apiKeyDecider, {
        streamId: apiKeyStreamId(keyId),
        id: keyId,
        status: 200,
        meta: follow,
        command: { type: 'RevokeApiKey', data: { keyId } },
      });
    }
    return result;
  }
}
