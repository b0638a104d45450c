import { Injectable } from '@nestjs/common';
import { Command, Decider, DomainError, DomainEvent } from '@coalition/domain';
import { Metrics, Queryable } from '@coalition/platform';
import { AppendResult, CommandExecutor, IdempotencyStore, StreamCommand, WithinAppend } from '@coalition/event-store';
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
    return this.counted(() => [plan.command.type], async () => {
      const outcome = await this.executor.execute(decider, {
        streamId: plan.streamId,
        command: plan.command,
        actor: meta.principal,
        expectedVersion: meta.expectedVersion,
        correlationId: meta.correlationId,
        withinAppend: async (tx, result) => {
          await plan.withinAppend?.(tx, result);
          await this.remember(tx, plan, result);
        },
      });
      return { id: plan.id, version: outcome.version, position: outcome.position };
    });
  }

  /**
   * Commands on several streams recorded in one transaction (all or none). The answer, and the
   * idempotency record, are the last stream's: the one whose id the client is given.
   */
  async runAll(commands: readonly StreamCommand[], plan: Pick<CommandPlan<Command>, 'id' | 'meta' | 'status'>): Promise<CommandResult> {
    const { meta } = plan;
    return this.counted(() => commands.map((command) => command.commandType), async () => {
      const outcomes = await this.executor.executeAll(commands, {
        actor: meta.principal,
        correlationId: meta.correlationId,
        withinAppend: (tx, results) => this.remember(tx, plan, results[results.length - 1]),
      });
      const last = outcomes[outcomes.length - 1];
      return { id: plan.id, version: last.version, position: last.position };
    });
  }

  private async remember(tx: Queryable, plan: Pick<CommandPlan<Command>, 'id' | 'meta' | 'status'>, result: AppendResult): Promise<void> {
    const { meta } = plan;
    const key = meta.idempotency;
    if (!key) return;
    await this.idempotency.save(tx, meta.principal.id, key.key, key.hash, {
      status: plan.status,
      body: { id: plan.id, version: result.version, position: result.position },
    });
  }

  private async counted(typesOf: () => readonly string[], work: () => Promise<CommandResult>): Promise<CommandResult> {
    try {
      const result = await work();
      for (const type of typesOf()) this.metrics.commands.inc({ type, outcome: 'ok' });
      return result;
    } catch (error) {
      const outcome = error instanceof DomainError ? error.code : 'error';
      for (const type of typesOf()) this.metrics.commands.inc({ type, outcome });
      throw error;
    }
  }
}
