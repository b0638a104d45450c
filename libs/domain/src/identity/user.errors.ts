import { Duplicate, InvalidError, NotFoundError } from '../shared';

export class UsernameTaken extends Duplicate {
  constructor(username: string) {
    super(`Username ${username} is taken`);
  }
}

export class UserNotFound extends NotFoundError {
  readonly code = 'NOT_FOUND';
  constructor(userId: string) {
    super(`User ${userId} does not exist`);
  }
}

/** Coordinators and counsel act for one state, so they need a registered one. */
export class StateRequiredForRole extends InvalidError {
  readonly code = 'VALIDATION_FAILED';
}
