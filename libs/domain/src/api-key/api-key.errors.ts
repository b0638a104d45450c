import { InvalidError, NotFoundError } from '../shared';

export class ApiKeyNotFound extends NotFoundError {
  readonly code = 'NOT_FOUND';
  constructor(keyId: string) {
    super(`API key ${keyId} does not exist`);
  }
}

/** A key is bound to exactly one registered state, carries at least one scope and expires in the future, if at all. */
export class InvalidApiKey extends InvalidError {
  readonly code = 'VALIDATION_FAILED';
}
