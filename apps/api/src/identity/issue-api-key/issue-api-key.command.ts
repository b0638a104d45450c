import { Command } from '@nestjs/cqrs';
import { CommandMeta, CommandResult } from '../../common/commands/command-handling';
import { IssueApiKeyRequest } from './issue-api-key.request.dto';

/** The answer carries the key itself: the only time it is ever shown. */
export type IssuedApiKey = CommandResult & { key: string };

export class IssueApiKeyCommand extends Command<IssuedApiKey> {
  constructor(
    readonly body: IssueApiKeyRequest,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
