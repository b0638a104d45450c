import type { ReactNode } from 'react';
import { PagedTable, PagedTableProps } from './paged-table';

/**
 * A section of a page holding one paged table under its heading, which names the section
 * (a landmark region). `children` stand between heading and table: an action's problem, say.
 */
export function TableSection<T>({ id, heading, children, ...table }: PagedTableProps<T> & {
  /** Prefix of the heading's id: `${id}-heading`. */
  id: string;
  heading: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {children}
      <PagedTable {...table} />
    </section>
  );
}
