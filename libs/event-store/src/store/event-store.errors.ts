import { ConflictError } from '@coalition/domain';

/** The stream moved since the caller read it (optimistic concurrency). */
export class WrongExpectedVersion extends ConflictError {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
    /** True when the caller pinned the version (If-Match): answered 412, never retried. */
    readonly pinned = false,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${expected}`);
  }
}
