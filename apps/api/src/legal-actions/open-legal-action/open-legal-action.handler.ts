import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { legalActionDecider, legalActionStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { OpenLegalActionCommand } from './open-legal-action.command';

@CommandHandler(OpenLegalActionCommand)
export class OpenLegalActionHandler implements ICommandHandler<OpenLegalActionCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ body, meta }: OpenLegalActionCommand): Promise<CommandResult> {
    const legalActionId = randomUUID();
    return this.handling.run(legalActionDecider, {
      streamId: legalActionStreamId(legalActionId),
      id: legalActionId,
      status: 201,
      meta,
      command: {
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
      },
    });
  }
}
