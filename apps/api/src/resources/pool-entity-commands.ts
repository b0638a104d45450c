import { Injectable } from '@nestjs/common';
import { PoolEntity, resourcePoolDecider, ResourcePoolCommand } from '@coalition/domain';
import { CommandHandling, CommandMeta, CommandResult } from '../common/commands/command-handling';
import { ResourceSharingFacts } from './resource-sharing.facts';

/**
 * Runs a resource-sharing command on an offer, pledge, request or reimbursement that already
 * exists: it is found by id (404 if unknown) and the command runs on the pool stream holding
 * it, answering 200. The use cases that act on one existing entity share this.
 */
@Injectable()
export class PoolEntityCommands {
  constructor(
    private readonly handling: CommandHandling,
    private readonly facts: ResourceSharingFacts,
  ) {}

  async run(kind: PoolEntity, id: string, meta: CommandMeta, command: ResourcePoolCommand): Promise<CommandResult> {
    const { streamId } = await this.facts.locate(kind, id);
    return this.handling.run(resourcePoolDecider, { streamId, id, status: 200, meta, command });
  }
}
