import { Button } from '@trussworks/react-uswds';
import { ReactNode, useState } from 'react';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

export interface PagedTableProps<T> {
  caption: string;
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  pageSize?: number;
  empty: string;
}

/**
 * A USWDS table that pages (10 rows by default) and stacks its cells under their headers on a
 * narrow screen, so it reads at 320 px without scrolling sideways.
 */
export function PagedTable<T>({ caption, rows, columns, rowKey, pageSize = 10, empty }: PagedTableProps<T>) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * pageSize, current * pageSize + pageSize);
  if (rows.length === 0) return <p className="text-base">{empty}</p>;
  return (
    <div>
      <table className="usa-table usa-table--borderless usa-table--stacked width-full">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} data-label={column.header}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav aria-label={`${caption}: pages`} className="display-flex flex-align-center flex-wrap">
          <Button type="button" outline disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous page
          </Button>
          <span className="margin-x-2" aria-live="polite">
            Page {current + 1} of {pages}
          </span>
          <Button type="button" outline disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next page
          </Button>
        </nav>
      )}
    </div>
  );
}
