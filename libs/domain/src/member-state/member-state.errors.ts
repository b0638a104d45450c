import { Duplicate, NotFoundError } from '../shared';

export class StateAlreadyRegistered extends Duplicate {
  constructor(code: string) {
    super(`State ${code} is already registered`);
  }
}

export class StateNotRegistered extends NotFoundError {
  readonly code = 'NOT_FOUND';
  constructor(code: string) {
    super(`State ${code} is not registered`);
  }
}
