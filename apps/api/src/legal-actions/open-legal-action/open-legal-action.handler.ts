import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { LegalActionCommands } from '../legal-action-commands';
import { OpenLegalActionCommand } from './open-legal-action.command';

@CommandHandler(OpenLegalActionCommand)
export class OpenLegalActionHandler implements ICommandHandler<OpenLegalActionCommand> {
  constructor(private readonly legal: LegalActionCommands) {}

  execute({ body, meta }: OpenLegalActionCommand): Promise<CommandResult> {
    const legalActionId = randomUUID();
    return this.legal.run(legalActionId, meta, {
      type: 'OpenLegalAction',
      data: {
        legalActionId,
        kind: body.kind,
        title: body.title,
        summary: body.summary,
        forum: body.forum,
        signOnDeadline: new Date(body.signOnDeadline).toISOString(),
        compactId: body.compactId ?? null,
      },
    }, 201);
  }
}
