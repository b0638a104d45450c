import { HttpException } from '@nestjs/common';
import { problemTypeUri } from './problem-catalog';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; message: string }[];
}

export const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problem = (status: number, code: string, detail: string, errors?: Problem['errors']): Problem => ({
  type: problemTypeUri(code),
  title: TITLES[status] ?? 'Error',
  status,
  detail,
  code,
  ...(errors ? { errors } : {}),
});

/** Thrown by our own http code when it already knows the problem to answer. */
export class ProblemException extends HttpException {
  constructor(
    readonly problem: Problem,
    /** Response headers that go with it (`Retry-After` on a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(problem, problem.status);
  }
}

export const validationProblem = (detail: string, errors?: Problem['errors']) =>
  new ProblemException(problem(400, 'VALIDATION_FAILED', detail, errors));
