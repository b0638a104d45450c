import { Injectable } from '@nestjs/common';
import { legalActionDecider, LegalActionCommand, legalActionStreamId } from '@coalition/domain';
import { CommandHandling, CommandMeta, CommandResult } from '../common/commands/command-handling';

/** Runs a legal-action command on the stream of that legal action; every legal use case goes through this. */
@Injectable()
export class LegalActionCommands {
  constructor(private readonly handling: CommandHandling) {}

  run(legalActionId: string, meta: CommandMeta, command: LegalActionCommand, status: 200 | 201 = 200): Promise<CommandResult> {
    return this.handling.run(legalActionDecider, { streamId: legalActionStreamId(legalActionId), id: legalActionId, status, meta, command });
  }
}
