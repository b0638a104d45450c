/**
 * Every rule a command can break is a subclass with a stable upper-snake `code`; the api
 * maps the kind to an HTTP status once, in its exception filter.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: 'conflict' | 'not-found' | 'forbidden' | 'invalid';

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export abstract class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

export abstract class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
}

export abstract class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

export abstract class InvalidError extends DomainError {
  readonly kind = 'invalid' as const;
}

export class Duplicate extends ConflictError {
  readonly code = 'DUPLICATE';
}

export class VersionConflict extends ConflictError {
  readonly code = 'VERSION_CONFLICT';
}

export class StreamNotFound extends NotFoundError {
  readonly code = 'NOT_FOUND';
}

export class NotAllowed extends ForbiddenError {
  readonly code = 'FORBIDDEN';
}

export class InvalidCommand extends InvalidError {
  readonly code = 'VALIDATION_FAILED';
}
