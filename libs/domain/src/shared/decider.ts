import { Actor } from './actor';

/** An event as the domain knows it: a type tag and plain data. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

export interface Command<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/**
 * What a decision may depend on besides the state: who asks, the time, and fresh ids.
 * Passing them in keeps `decide` deterministic and testable without clocks or randomness.
 */
export interface CommandContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly newId: () => string;
}

export interface Decider<TCommand extends Command, TEvent extends DomainEvent, TState> {
  readonly streamType: string;
  readonly initialState: () => TState;
  readonly evolve: (state: TState, event: TEvent) => TState;
  readonly decide: (command: TCommand, state: TState, context: CommandContext) => TEvent[];
}

export const fold = <TEvent extends DomainEvent, TState>(
  decider: Pick<Decider<Command, TEvent, TState>, 'initialState' | 'evolve'>,
  events: readonly TEvent[],
): TState => events.reduce(decider.evolve, decider.initialState());

export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
