import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandResult } from '../../common/commands/command-handling';
import { PoolEntityCommands } from '../pool-entity-commands';
import { CancelRequestCommand } from './cancel-request.command';

@CommandHandler(CancelRequestCommand)
export class CancelRequestHandler implements ICommandHandler<CancelRequestCommand> {
  constructor(private readonly pool: PoolEntityCommands) {}

  execute({ requestId, meta }: CancelRequestCommand): Promise<CommandResult> {
    return this.pool.run('request', requestId, meta, { type: 'CancelRequest', data: { requestId } });
  }
}
