import type { Problem } from '@coalition/api-client';

/** An RFC 9457 problem the api answered, thrown so that TanStack Query treats it as the error. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: { field: string; message: string }[];

  constructor(status: number, problem: Partial<Problem> | undefined, retryAfter?: string | null) {
    const detail = problem?.detail ?? problem?.title ?? `The server answered ${status}`;
    super(retryAfter && status === 503 ? `${detail} Try again in ${retryAfter} seconds.` : detail);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = problem?.code ?? 'UNKNOWN';
    this.errors = problem?.errors ?? [];
  }

  /** The message for one field of the form, if the api named it. */
  forField(field: string): string | undefined {
    return this.errors.find((error) => error.field === field || error.field.endsWith(`.${field}`))?.message;
  }
}

/** Words for any error: a problem's detail, or what went wrong reaching the server. */
export function describeError(error: unknown): string {
  if (error instanceof ApiProblem) return error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : String(error);
}
