import { Actor, ApiKeyScope, Role } from '@coalition/domain';

/** The authenticated caller, as every guard, handler and audit record sees it. */
export interface Principal extends Actor {
  readonly kind: 'user' | 'api-key';
  readonly username?: string;
  readonly scopes?: ApiKeyScope[];
  readonly roles: Role[];
  /** Users only: the credentials version (UserState) its bearer tokens are issued at. */
  readonly credentialsVersion?: number;
}

declare module 'express' {
  interface Request {
    principal?: Principal;
  }
}
