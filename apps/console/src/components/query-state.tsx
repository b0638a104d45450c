import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ActionProblem } from './problem';

/** Loading, error or the data of a query, the same way on every page. */
export function QueryState<T>({ query, children, what }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; what: string }) {
  if (query.isPending) return <p role="status">Loading {what}…</p>;
  if (query.isError) return <ActionProblem error={query.error} heading={`Could not load ${what}`} />;
  return <>{children(query.data)}</>;
}
