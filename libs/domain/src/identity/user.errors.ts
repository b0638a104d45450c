import { ConflictError, Duplicate, ForbiddenError, InvalidError, NotFoundError } from '../shared';

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

/** An admin resets other users' passwords; its own it changes with the current one (POST /auth/password). */
export class OwnPasswordNeedsCurrent extends ForbiddenError {
  readonly code = 'FORBIDDEN';
  constructor() {
    super('Change your own password with POST /auth/password, which asks for the current one');
  }
}

/** A deactivated account keeps its password: changing it would not let anyone in, and is refused rather than silently recorded. */
export class UserInactive extends ConflictError {
  readonly code = 'USER_INACTIVE';
  constructor(userId: string) {
    super(`User ${userId} is deactivated`);
  }
}

/** Someone must always be able to administer the deployment. */
export class LastActiveAdmin extends ConflictError {
  readonly code = 'LAST_ACTIVE_ADMIN';
  constructor() {
    super('The last active admin cannot be deactivated: register another admin first');
  }
}
