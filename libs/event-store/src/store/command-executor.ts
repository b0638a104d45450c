import { randomUUID } from 'node:crypto';
import { Actor, Command, CommandContext, Decider, DomainEvent } from '@coalition/domain';
import { AppendResult, EventStore, WithinAppend } from './event-store';
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
    const commandId = envelope.commandId ?? randomUUID();
    for (let attempt = 1; ; attempt++) {
      const { version, state } = await this.store.fold(decider, envelope.streamId);
      if (envelope.expectedVersion !== undefined && envelope.expectedVersion !== version) {
        throw new WrongExpectedVersion(envelope.streamId, envelope.expectedVersion, version, true);
      }
      const context: CommandContext = { actor: envelope.actor, now: this.clock.now(), newId: randomUUID };
      const events = decider.decide(envelope.command, state, context);
      try {
        const result = await this.store.append(
          {
            streamId: envelope.streamId,
            streamType: decider.streamType,
            expectedVersion: version,
            events,
            metadata: {
              actor: metadataActor(envelope.actor),
              commandId,
              correlationId: envelope.correlationId ?? commandId,
              causationId: envelope.causationId ?? commandId,
            },
            recordedAt: context.now,
          },
          envelope.withinAppend,
        );
        return { streamId: envelope.streamId, version: result.version, position: result.position, events: result.events };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion)) throw error;
        const pinned = envelope.expectedVersion !== undefined;
        if (pinned) throw new WrongExpectedVersion(error.streamId, error.expected, error.actual, true);
        if (attempt >= this.maxAttempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 * attempt, 20)));
      }
    }
  }
}
