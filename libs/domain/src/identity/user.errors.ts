import { ConflictError, Duplicate, InvalidError, NotFoundError } from '../shared';

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

/** Someone must always be able to administer the deployment. */
export class LastActiveAdmin extends ConflictError {
  readonly code = 'LAST_ACTIVE_ADMIN';
  constructor() {
    super('The last active admin cannot be deactivated: register another admin first');
  }
}
