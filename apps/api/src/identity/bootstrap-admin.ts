import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SYSTEM_ACTOR, UsernameTaken, userDecider, userStreamId } from '@coalition/domain';
import { APP_CONFIG, AppConfig } from '@coalition/platform';
import { CommandExecutor } from '@coalition/event-store';
import { hashPassword, verifyPassword } from './password-hasher';
import { UserAccounts } from './user-accounts';

export interface FirstAdmin {
  username: string;
  password: string;
}

/**
 * There is no default password. The first admin comes from BOOTSTRAP_ADMIN_USERNAME and
 * BOOTSTRAP_ADMIN_PASSWORD; on the embedded default with no password set, one is generated and
 * shown exactly once, in the start banner (the next start finds the admin and shows nothing).
 * The variables only ever create a user: given for a user that exists with another password,
 * they change nothing and say so, with what to do instead.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);
  /** Set when this start generated the admin's password: the banner shows it, once. */
  generated?: FirstAdmin;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: UserAccounts,
    private readonly executor: CommandExecutor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { username, password } = this.config.bootstrapAdmin;
    if (password) {
      await this.ensure(username ?? 'admin', password);
      return;
    }
    if (await this.accounts.anyAdminRegistered()) {
      if (username) this.logger.warn(`BOOTSTRAP_ADMIN_USERNAME=${username} is set without BOOTSTRAP_ADMIN_PASSWORD and an admin exists already: nothing was created.`);
      return;
    }
    if (!this.config.embedded) {
      this.logger.warn('No admin exists: set BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD (12+ characters) and restart.');
      return;
    }
    const generated = { username: username ?? 'admin', password: randomBytes(18).toString('base64url') };
    await this.register(generated.username, generated.password);
    this.generated = generated;
  }

  /** Registers the admin, or, when the username is taken, checks the existing user matches what was asked for. */
  private async ensure(username: string, password: string): Promise<void> {
    const existing = await this.accounts.idOf(username);
    const { state, passwordHash } = existing ? await this.accounts.load(existing) : { state: { status: 'none' as const }, passwordHash: undefined };
    if (state.status === 'none') {
      await this.register(username, password);
      return;
    }
    const where = this.config.embedded ? `the data in ${this.config.dataDir}` : 'the database';
    const reset = `npx coalition admin reset-password ${state.username}`;
    if (!state.roles.includes('admin') || state.status !== 'active') {
      this.logger.warn(
        `BOOTSTRAP_ADMIN_USERNAME=${username} names an existing user of ${where} that is ${state.status === 'active' ? 'not an admin' : 'deactivated'}: ` +
          'nothing was changed (the BOOTSTRAP_ADMIN_* variables only create the first admin). Choose another username, or sign in as an existing admin.',
      );
      return;
    }
    if (!(await verifyPassword(password, passwordHash ?? ''))) {
      this.logger.warn(
        `BOOTSTRAP_ADMIN_PASSWORD is not the password of the existing admin "${state.username}" in ${where}: it was not changed, and signing in with it will fail ` +
          '(the BOOTSTRAP_ADMIN_* variables only create the first admin). Sign in with the current password and change it (POST /api/v1/auth/password), ' +
          `or set a new one on the data: stop the api and run \`${reset}\`${this.config.embedded ? `, or start on a fresh DATA_DIR` : ''}.`,
      );
    }
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
