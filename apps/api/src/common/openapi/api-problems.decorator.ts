import { SetMetadata } from '@nestjs/common';
import { RouteProblem } from './route-problem';

export const API_PROBLEMS_KEY = 'coalition:api-problems';

/**
 * Problems a route answers from outside its own code (a guard's, a strategy's), which the
 * derivation of route-problems.generated.ts cannot see. Everything else is derived.
 */
export const ApiProblems = (...problems: RouteProblem[]) => SetMetadata(API_PROBLEMS_KEY, problems);
