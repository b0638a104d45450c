import { Caller } from '../running-api';

/**
 * Who calls, in the authorization matrix. Everyone acts for the acting state (`ctx.actingState`)
 * except `otherStateCoordinator`, a coordinator of another registered state; the keys are
 * bound to the acting state and carry exactly the one scope they are named after.
 */
export const PRINCIPAL_KINDS = [
  'anonymous',
  'admin',
  'coordinator',
  'otherStateCoordinator',
  'counsel',
  'auditor',
  'key:read',
  'key:resources:write',
  'key:legal:read',
] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];
export type AuthenticatedKind = Exclude<PrincipalKind, 'anonymous'>;

export const EVERY_USER = ['admin', 'coordinator', 'otherStateCoordinator', 'counsel', 'auditor'] as const satisfies readonly AuthenticatedKind[];
export const EVERY_KEY = ['key:read', 'key:resources:write', 'key:legal:read'] as const satisfies readonly AuthenticatedKind[];
export const EVERY_PRINCIPAL = [...EVERY_USER, ...EVERY_KEY] as const;
/** Needs no credentials at all: every caller, anonymous included, gets through. */
export const PUBLIC = 'public';

/** What the matrix gives a row's `prepare` to build its request with. */
export interface MatrixContext {
  /** The state every principal but `otherStateCoordinator` acts for (registered). */
  readonly actingState: string;
  /** The state `otherStateCoordinator` acts for (registered). */
  readonly otherState: string;
  /** User ids of the standing principals, for routes about them. */
  readonly userIds: Readonly<Record<'admin' | 'coordinator' | 'otherStateCoordinator' | 'counsel' | 'auditor', string>>;
  /** Calls as the admin, for setting things up. Paths are full: `/api/v1/...`. */
  readonly admin: Caller;
  /** Calls as one of the standing principals (a coordinator proposing what the route then acts on, say). */
  as(who: AuthenticatedKind): Caller;
  /**
   * Sends a set-up request and answers its body, failing the test at once unless it answered
   * `expect` (201 by default): a matrix whose preparation silently failed would prove nothing.
   */
  setUp<T = Record<string, unknown>>(caller: Caller, method: string, path: string, body?: unknown, expect?: number): Promise<T>;
  /** A name nobody used yet in this run (`prefix-<n>`). */
  unique(prefix: string): string;
  /** A two-letter code that no state holds yet. */
  unusedStateCode(): string;
}

/** The concrete request of one matrix cell: the path with its parameters filled in (full, `/api/v1/...`), and the body. */
export interface PreparedCall {
  path?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteAccess {
  /**
   * Who gets through. Anyone listed must not be refused (not 401, not 403; nor a 5xx);
   * every other principal must get 403, and anonymous callers 401. `PUBLIC` lets everyone through.
   */
  allowed: readonly AuthenticatedKind[] | typeof PUBLIC;
  /**
   * Builds the request for one caller; called once per principal kind, so it may create what
   * the call consumes (a fresh user to deactivate, a key to revoke). Make the request valid,
   * so that state scoping in the domain is reached: a coordinator of another state must meet
   * the domain's 403, not a validation 400. Without it the route is called with the key's
   * path and no body.
   */
  prepare?: (ctx: MatrixContext, who: PrincipalKind) => Promise<PreparedCall> | PreparedCall;
}

/** Rows keyed `METHOD /path` exactly as the router registered them (`POST /api/v1/users/:id/deactivate`). */
export type AccessTable = Record<string, RouteAccess>;
