import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { AccessToken } from '../auth-tokens';
import { ChangePasswordRequest } from './change-password.request.dto';

export type ChangePasswordResult = CommandResult & AccessToken;

export class ChangePasswordCommand extends Command<ChangePasswordResult> {
  constructor(
    readonly body: ChangePasswordRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
