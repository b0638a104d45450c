import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { memberStateDecider, memberStateStreamId } from '@coalition/domain';
import { CommandHandling, CommandResult } from '../../common/commands/command-handling';
import { ChangePopulationCommand } from './change-population.command';

@CommandHandler(ChangePopulationCommand)
export class ChangePopulationHandler implements ICommandHandler<ChangePopulationCommand> {
  constructor(private readonly handling: CommandHandling) {}

  execute({ code, population, meta }: ChangePopulationCommand): Promise<CommandResult> {
    return this.handling.run(memberStateDecider, {
      streamId: memberStateStreamId(code),
      id: code,
      status: 200,
      meta,
      command: { type: 'ChangePopulation', data: { code, population } },
    });
  }
}
