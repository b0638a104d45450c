import { Injectable } from '@nestjs/common';
import { Command, Decider, DomainError, DomainEvent } from '@coalition/domain';
import { Metrics } from '@coalition/platform';
import { CommandExecutor, IdempotencyStore, WithinAppend } from '@coalition/event-store';
import { Principal } from '../auth/principal';

/** What the HTTP layer knows about a command besides its body. */
export interface CommandMeta {
  principal: Principal;
  /** From `If-Match`: the stream version the caller last saw. */
  expectedVersion?: number;
  idempotency?: { key: string; hash: string };
  correlationId: string;
}

/** Every command's answer: the aggregate, its version after the command, the last event's position. */
export interface CommandResult {
  id: string;
  version: number;
  position: number;
}

export interface CommandPlan<C extends Command> {
  streamId: string;
  /** The id the client sees (a state code, a uuid), which may differ from the stream id. */
  id: string;
  command: C;
  meta: CommandMeta;
  /** The HTTP status this command answers with: 201 when it creates something, else 200. */
  status: 200 | 201;
  /** Work that must commit with the events (an index of the ids they create, say); runs before the idempotency record. */
  withinAppend?: WithinAppend;
}

/**
 * The base every command handler stands on: load, decide, append (through CommandExecutor),
 * with the idempotency record written in the append's own transaction and every outcome counted.
 */
@Injectable()
export class CommandHandling {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly idempotency: IdempotencyStore,
    private readonly metrics: Metrics,
  ) {}

  async run<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, plan: CommandPlan<C>): Promise<CommandResult> {
    const { meta } = plan;
    const key = meta.idempotency;
    try {
      const outcome = await this.executor.execute(decider, {
        streamId: plan.streamId,
        command: plan.command,
        actor: meta.principal,
        expectedVersion: meta.expectedVersion,
        correlationId: meta.correlationId,
        withinAppend: async (tx, result) => {
          await plan.withinAppend?.(tx, result);
          if (key) {
            await this.idempotency.save(tx, meta.principal.id, key.key, key.hash, {
              status: plan.status,
              body: { id: plan.id, version: result.version, position: result.position },
            });
          }
        },
      });
      this.metrics.commands.inc({ type: plan.command.type, outcome: 'ok' });
      return { id: plan.id, version: outcome.version, position: outcome.position };
    } catch (error) {
      const outcome = error instanceof DomainError ? error.code : 'error';
      this.metrics.commands.inc({ type: plan.command.type, outcome });
      throw error;
    }
  }
}
