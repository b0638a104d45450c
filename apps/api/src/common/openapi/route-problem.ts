import { DomainError } from '@coalition/domain';

/** A problem a route's code can answer: a domain error (its kind gives the status) or an http problem. */
export type RouteProblem = { kind: DomainError['kind']; code: string } | { status: number; code: string };
