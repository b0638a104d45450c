import { Command, CommandContext, Decider, DomainEvent } from '../shared';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * The spec helper for deciders: `given(events).when(command).then(events)` or `.thenThrows(Error)`.
 * Kept in the domain library so every aggregate's tests read the same way.
 */
export function specFor<C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  defaultContext: () => CommandContext,
) {
  return (...history: E[]) => ({
    when: (command: C, context: Partial<CommandContext> = {}) => {
      const run = () =>
        decider.decide(command, history.reduce(decider.evolve, decider.initialState()), {
          ...defaultContext(),
          ...context,
        });
      return {
        then: (expected: E[]) => expect(run()).toEqual(expected),
        thenThrows: (errorClass: ErrorClass, code?: string) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          if (code) expect((thrown as { code?: string }).code).toBe(code);
        },
      };
    },
  });
}

/** Deterministic ids for tests: `id-1`, `id-2`, ... */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}
