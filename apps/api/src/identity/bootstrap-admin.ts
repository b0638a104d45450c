import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR, UsernameTaken, userDecider, userStreamId } from '@coalition/domain';
import { AppConfig, APP_CONFIG, CommandExecutor } from '@coalition/infra';
import { hashPassword } from './password-hasher';
import { UserAccounts } from './user-accounts';

/**
 * There is no default password. The first admin comes from BOOTSTRAP_ADMIN_USERNAME and
 * BOOTSTRAP_ADMIN_PASSWORD; on the embedded default with neither set, a password is generated
 * and printed exactly once (the next start finds the admin and prints nothing).
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: UserAccounts,
    private readonly executor: CommandExecutor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { username, password } = this.config.bootstrapAdmin;
    if (username && password) {
      await this.register(username, password);
      return;
    }
    if (await this.accounts.anyAdminRegistered()) return;
    if (!this.config.embedded) {
      this.logger.warn('No admin exists: set BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD (12+ characters) and restart.');
      return;
    }
    const generated = randomBytes(18).toString('base64url');
    const name = username ?? 'admin';
    await this.register(name, generated);
    process.stdout.write(
      [
        '',
        '  Coalition created the first admin for this embedded instance:',
        `    username: ${name}`,
        `    password: ${generated}`,
        '  This is shown once. To choose your own instead, start with',
        '    BOOTSTRAP_ADMIN_USERNAME=<name> BOOTSTRAP_ADMIN_PASSWORD=<12+ characters> npm start',
        '  on a fresh ./data directory.',
        '',
      ].join('\n') + '\n',
    );
  }

  private async register(username: string, password: string): Promise<void> {
    if (await this.accounts.idOf(username)) return;
    const userId = UserAccounts.newId();
    try {
      await this.executor.execute(userDecider, {
        streamId: userStreamId(userId),
        actor: SYSTEM_ACTOR,
        withinAppend: (tx) => this.accounts.reserve(tx, username, userId),
        command: {
          type: 'RegisterUser',
          data: {
            userId,
            username,
            displayName: 'Administrator',
            roles: ['admin'],
            stateCode: null,
            passwordHash: await hashPassword(password),
            stateRegistered: false,
          },
        },
      });
    } catch (error) {
      // Another api process starting at the same moment registered it first.
      if (error instanceof UsernameTaken) return;
      throw error;
    }
    this.logger.log(`bootstrap admin "${username}" registered`);
  }
}
