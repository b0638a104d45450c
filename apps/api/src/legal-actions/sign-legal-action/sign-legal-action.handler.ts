import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { LegalActionCommands } from '../legal-action-commands';
import { SignLegalActionCommand } from './sign-legal-action.command';

@CommandHandler(SignLegalActionCommand)
export class SignLegalActionHandler implements ICommandHandler<SignLegalActionCommand> {
  constructor(private readonly legal: LegalActionCommands) {}

  execute({ legalActionId, meta }: SignLegalActionCommand): Promise<CommandResult> {
    return this.legal.run(legalActionId, meta, { type: 'SignLegalAction', data: { legalActionId } });
  }
}
