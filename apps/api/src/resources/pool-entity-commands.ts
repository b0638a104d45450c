import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PoolEntity, resourcePoolDecider, ResourcePoolCommand } from '@coalition/domain';
import { CommandHandling, CommandMeta, CommandResult } from '../common/commands/command-handling';
import { ResourceSharingFacts } from './resource-sharing.facts';

/**
 * Runs a resource-sharing command on an offer, pledge, request or reimbursement that already
 * exists: it is found by id (404 if unknown) and the command runs on the pool stream holding
 * it, answering 200. The use cases that act on one existing entity share this; those that
 * create one share `create`.
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

  /** Runs the command that creates an entity under a fresh id on the pool stream `streamId`, answering 201 with the id. */
  async create(streamId: string, meta: CommandMeta, command: (newId: string) => ResourcePoolCommand): Promise<CommandResult> {
    const id = randomUUID();
    return this.handling.run(resourcePoolDecider, { streamId, id, status: 201, meta, command: command(id) });
  }

  /** `create` on the pool stream that holds an existing entity (404 if unknown), as a reimbursement joins its offer's. */
  async createBeside(kind: PoolEntity, id: string, meta: CommandMeta, command: (newId: string) => ResourcePoolCommand): Promise<CommandResult> {
    const { streamId } = await this.facts.locate(kind, id);
    return this.create(streamId, meta, command);
  }
}
