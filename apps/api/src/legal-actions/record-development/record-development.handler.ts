import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { LegalActionCommands } from '../legal-action-commands';
import { RecordDevelopmentCommand } from './record-development.command';

@CommandHandler(RecordDevelopmentCommand)
export class RecordDevelopmentHandler implements ICommandHandler<RecordDevelopmentCommand> {
  constructor(private readonly legal: LegalActionCommands) {}

  execute({ legalActionId, body, meta }: RecordDevelopmentCommand): Promise<CommandResult> {
    return this.legal.run(legalActionId, meta, {
      type: 'RecordDevelopment',
      data: {
        legalActionId,
        developmentId: randomUUID(),
        kind: body.kind,
        occurredOn: body.occurredOn,
        summary: body.summary,
        documentSha256: body.documentSha256?.toLowerCase() ?? null,
      },
    });
  }
}
