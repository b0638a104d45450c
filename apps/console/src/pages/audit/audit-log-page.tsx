import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { AuditEventsTable, KeysetPager } from './audit-events-table';
import { AuditExport } from './audit-export';
import { AuditFiltersForm, PAGE_SIZES } from './audit-filters-form';
import { AuditFilters, auditEventsQuery, FILTER_NAMES } from './audit.queries';

/** The filters and page size the URL holds, and the keyset cursors walked so far under them. */
function useAuditLogParams() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const chosen: AuditFilters = {};
    for (const name of FILTER_NAMES) {
      const value = params.get(name);
      if (value) chosen[name] = value;
    }
    return chosen;
  }, [params]);
  const limit = Number(params.get('limit')) || PAGE_SIZES[0];
  const filterKey = JSON.stringify([filters, limit]);
  const [cursors, setCursors] = useState<{ key: string; afters: number[] }>({ key: filterKey, afters: [Number(params.get('after')) || 0] });
  const afters = cursors.key === filterKey ? cursors.afters : [0];
  const setAfters = (next: number[]) => setCursors({ key: filterKey, afters: next });
  return { filters, limit, afters, setAfters, setParams };
}

function AuditLinks() {
  return (
    <ul className="usa-button-group margin-bottom-2">
      <li className="usa-button-group__item">
        <Link className="usa-button usa-button--outline" to="/audit/verify">
          Verify the chain
        </Link>
      </li>
      <li className="usa-button-group__item">
        <Link className="usa-button usa-button--outline" to="/audit/decisions">
          Decision records
        </Link>
      </li>
    </ul>
  );
}

/** The audit log: every filter of GET /audit/events, keyset paging, and the export of what is filtered. */
export default function AuditLogPage() {
  const { filters, limit, afters, setAfters, setParams } = useAuditLogParams();
  const after = afters[afters.length - 1];
  const page = useQuery(auditEventsQuery(filters, after, limit));
  return (
    <>
      <PageTitle title="Audit log">Audit log</PageTitle>
      <AuditLinks />
      <AuditFiltersForm filters={filters} limit={limit} onApply={setParams} />
      <AuditExport filters={filters} />
      <h2>Events</h2>
      <QueryState query={page} what="the audit log">
        {(data) => (
          <>
            <AuditEventsTable caption={`Events after position ${after}`} events={data.events} />
            <KeysetPager
              label="Audit log"
              canGoBack={afters.length > 1}
              canGoForward={data.events.length === limit}
              onBack={() => setAfters(afters.slice(0, -1))}
              onForward={() => setAfters([...afters, data.nextAfter])}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
