import { randomUUID } from 'node:crypto';
import { Actor, Command, CommandContext, Decider, DomainEvent } from '@coalition/domain';
import { AppendRequest, AppendResult, EventStore, WithinAppend, WithinAppendAll } from './event-store';
import { WrongExpectedVersion } from './event-store.errors';
import { metadataActor } from './stored-event';

export interface CommandEnvelope<C extends Command> {
  streamId: string;
  command: C;
  actor: Actor;
  /** Pinned by the caller (`If-Match`): a mismatch is reported, never retried. */
  expectedVersion?: number;
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  withinAppend?: WithinAppend;
}

export interface CommandOutcome {
  streamId: string;
  version: number;
  /** Global position of the last event written, or of the stream's last event when nothing was new. */
  position: number;
  events: AppendResult['events'];
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** One stream's share of a command that writes several streams at once (see executeAll). */
export interface StreamCommand {
  readonly streamId: string;
  readonly commandType: string;
  /** Pinned by the caller: a mismatch is reported, never retried. */
  readonly expectedVersion?: number;
  /** Folds the stream and decides: the events to append at the version the decision saw. */
  decide(store: EventStore, context: CommandContext): Promise<{ streamType: string; version: number; events: DomainEvent[] }>;
}

/** A decider's command on one stream, as a StreamCommand that also keeps what it last decided. */
export interface DecidingStreamCommand<E extends DomainEvent> extends StreamCommand {
  /** The events of the latest decision: what a later command of the same executeAll may build on. */
  readonly decided: readonly E[];
}

/**
 * A decider's command on one stream, for executeAll. `command` may be a function: it is then
 * asked at every attempt, after the commands before it decided (see `decided`).
 */
export function streamCommand<C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  streamId: string,
  command: C | (() => Promise<C>),
  expectedVersion?: number,
): DecidingStreamCommand<E> {
  let decided: readonly E[] = [];
  // A command given as a function is known by its type once asked (before that, by the stream type).
  let commandType = typeof command === 'function' ? decider.streamType : command.type;
  return {
    streamId,
    expectedVersion,
    get commandType() {
      return commandType;
    },
    get decided() {
      return decided;
    },
    async decide(store, context) {
      const { version, state } = await store.fold(decider, streamId);
      if (expectedVersion !== undefined && expectedVersion !== version) throw new WrongExpectedVersion(streamId, expectedVersion, version, true);
      const asked = typeof command === 'function' ? await command() : command;
      commandType = asked.type;
      decided = decider.decide(asked, state, context);
      return { streamType: decider.streamType, version, events: [...decided] };
    },
  };
}

/** Who and why, for a command over several streams: as CommandEnvelope, without the stream. */
export type MultiStreamEnvelope = Omit<CommandEnvelope<Command>, 'streamId' | 'command' | 'expectedVersion' | 'withinAppend'> & {
  withinAppend?: WithinAppendAll;
};

/**
 * Load the stream, decide, append at the version the decision saw. When the caller did not
 * pin a version, a conflicting concurrent append is resolved by deciding again on the newer
 * state. Appends are serialised, so each round lets at least one contender win: N writers on
 * one hot stream (40 offers on one pledge) need up to N rounds, hence the generous bound, with
 * jitter so the losers do not re-collide in lockstep.
 */
export class CommandExecutor {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock = systemClock,
    private readonly maxAttempts = 50,
  ) {}

  async execute<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    envelope: CommandEnvelope<C>,
  ): Promise<CommandOutcome> {
    const { withinAppend } = envelope;
    const [outcome] = await this.executeAll([streamCommand(decider, envelope.streamId, envelope.command, envelope.expectedVersion)], {
      ...envelope,
      withinAppend: withinAppend && ((tx, results) => withinAppend(tx, results[0])),
    });
    return outcome;
  }

  /**
   * Several streams' commands as one atomic append: each decides on its own stream, and either
   * every stream records its events or none does. A conflict on any unpinned stream decides
   * them all again, as `execute` does for one.
   */
  async executeAll(commands: readonly StreamCommand[], envelope: MultiStreamEnvelope): Promise<CommandOutcome[]> {
    const commandId = envelope.commandId ?? randomUUID();
    for (let attempt = 1; ; attempt++) {
      const context: CommandContext = { actor: envelope.actor, now: this.clock.now(), newId: randomUUID };
      const metadata = {
        actor: metadataActor(envelope.actor),
        commandId,
        correlationId: envelope.correlationId ?? commandId,
        causationId: envelope.causationId ?? commandId,
      };
      const requests: AppendRequest[] = [];
      for (const command of commands) {
        const { streamType, version, events } = await command.decide(this.store, context);
        requests.push({ streamId: command.streamId, streamType, expectedVersion: version, events, metadata, recordedAt: context.now });
      }
      try {
        const results = await this.append(requests, envelope.withinAppend);
        return results.map((result) => ({ streamId: result.streamId, version: result.version, position: result.position, events: result.events }));
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion)) throw error;
        const pinned = commands.find((command) => command.streamId === error.streamId)?.expectedVersion !== undefined;
        if (pinned) throw new WrongExpectedVersion(error.streamId, error.expected, error.actual, true);
        if (attempt >= this.maxAttempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 * attempt, 20)));
      }
    }
  }

  /** One stream through `append` (the common case, and what tests racing appends intercept), several through `appendAll`. */
  private async append(requests: AppendRequest[], withinAppend?: WithinAppendAll): Promise<AppendResult[]> {
    if (requests.length !== 1) return this.store.appendAll(requests, withinAppend);
    return [await this.store.append(requests[0], withinAppend && ((tx, result) => withinAppend(tx, [result])))];
  }
}
