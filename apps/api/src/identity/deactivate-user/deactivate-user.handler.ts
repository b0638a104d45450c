import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { apiKeyDecider, apiKeyStreamId, LastActiveAdmin, userDecider, userStreamId } from '@coalition/domain';
import { ApiKeysRepository } from '@coalition/read-side';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { UserAccounts } from '../user-accounts';
import { DeactivateUserCommand } from './deactivate-user.command';

/** Serialises deactivations, so two admins deactivating each other cannot both succeed. */
const DEACTIVATION_LOCK = 0x636f_6164; // 'coad'

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
    private readonly accounts: UserAccounts,
  ) {}

  async execute({ userId, meta }: DeactivateUserCommand): Promise<CommandResult> {
    const result = await this.handling.run(userDecider, {
      streamId: userStreamId(userId),
      id: userId,
      status: 200,
      meta,
      command: { type: 'DeactivateUser', data: { userId, otherActiveAdmins: await this.accounts.activeAdminsOtherThan(userId) } },
      // The count above may be stale by the time the deactivation commits: count again, serialised, inside its transaction.
      withinAppend: async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [DEACTIVATION_LOCK]);
        if ((await this.accounts.activeAdminsOtherThan('', tx)) < 1) throw new LastActiveAdmin();
      },
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
