import { randomUUID } from 'node:crypto';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { legalActionDecider, legalActionStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { RecordDevelopmentCommand } from './record-development.command';

@CommandHandler(RecordDevelopmentCommand)
export class RecordDevelopmentHandler implements ICommandHandler<RecordDevelopmentCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ legalActionId, body, meta }: RecordDevelopmentCommand): Promise<CommandResult> {
    return this.handling.run(legalActionDecider, {
      streamId: legalActionStreamId(legalActionId),
      id: legalActionId,
      status: 200,
      meta,
      command: {
        type: 'RecordDevelopment',
        data: {
          legalActionId,
          developmentId: randomUUID(),
          kind: body.kind,
          occurredOn: body.occurredOn,
          summary: body.summary,
          documentSha256: body.documentSha256?.toLowerCase() ?? null,
        },
      },
    });
  }
}
