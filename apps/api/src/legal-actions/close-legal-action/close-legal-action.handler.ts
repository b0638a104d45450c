import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { LegalActionCommands } from '../legal-action-commands';
import { CloseLegalActionCommand } from './close-legal-action.command';

@CommandHandler(CloseLegalActionCommand)
export class CloseLegalActionHandler implements ICommandHandler<CloseLegalActionCommand> {
  constructor(private readonly legal: LegalActionCommands) {}

  execute({ legalActionId, body, meta }: CloseLegalActionCommand): Promise<CommandResult> {
    return this.legal.run(legalActionId, meta, { type: 'CloseLegalAction', data: { legalActionId, outcome: body.outcome, summary: body.summary } });
  }
}
