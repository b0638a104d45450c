import { Tag } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DateTime, timeLeft } from '../../components/date-time';
import { PagedTable } from '../../components/paged-table';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { useSession } from '../../session/session';
import { KIND_LABELS, LegalAction, legalActionsQuery, STATUS_LABELS } from './legal.queries';

export function signOnLeft(action: LegalAction): string {
  return action.status === 'open' ? timeLeft(action.signOnDeadline) : 'sign-on closed';
}

/** The legal tracker: every joint legal response, with its status and the time left to sign on. */
export default function LegalActionsPage() {
  const session = useSession();
  const actions = useQuery(legalActionsQuery());
  return (
    <>
      <PageTitle title="Legal actions">Legal actions</PageTitle>
      {session.has('counsel') && (
        <p>
          <Link className="usa-button" to="/legal-actions/new">
            Open a legal action
          </Link>
        </p>
      )}
      <QueryState query={actions} what="legal actions">
        {(rows) => (
          <PagedTable
            caption="Legal actions, newest first"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No legal action has been opened yet."
            columns={[
              { header: 'Title', cell: (row) => <Link to={`/legal-actions/${row.id}`}>{row.title}</Link> },
              { header: 'Kind', cell: (row) => KIND_LABELS[row.kind] },
              { header: 'Lead state', cell: (row) => row.leadState },
              { header: 'Status', cell: (row) => <Tag className={row.status === 'open' ? 'bg-primary' : 'bg-base-dark'}>{STATUS_LABELS[row.status]}</Tag> },
              {
                header: 'Sign-on deadline',
                cell: (row) => (
                  <>
                    <DateTime value={row.signOnDeadline} /> <span className="text-base-dark">({signOnLeft(row)})</span>
                  </>
                ),
              },
              { header: 'Signatories', cell: (row) => row.signatories.map((s) => s.stateCode).join(', ') },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
