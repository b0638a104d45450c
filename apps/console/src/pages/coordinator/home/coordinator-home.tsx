import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DateTime, timeLeft } from '../../../components/date-time';
import { PagedTable } from '../../../components/paged-table';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { agendaQuery } from './agenda';

export default function CoordinatorHome({ stateCode }: { stateCode: string }) {
  const agenda = useQuery(agendaQuery(stateCode));
  return (
    <>
      <PageTitle title="Home">What needs {stateCode}</PageTitle>
      <p>
        <Link to="/compacts">All compacts</Link> · <Link to="/compacts/new">Draft a compact</Link>
      </p>
      <QueryState query={agenda} what="what needs your state">
        {(data) => (
          <>
            <section aria-labelledby="votes-heading">
              <h2 id="votes-heading">Votes waiting for {stateCode}</h2>
              <PagedTable
                caption="Open proposals your state has not voted on"
                rows={data.votes}
                rowKey={(row) => row.proposal.id}
                empty="No vote is waiting for your state."
                columns={[
                  { header: 'Proposal', cell: (row) => <Link to={`/proposals/${row.proposal.id}`}>{row.proposal.title}</Link> },
                  { header: 'Compact', cell: (row) => row.compact.title },
                  { header: 'Kind', cell: (row) => row.proposal.kind },
                  {
                    header: 'Time left',
                    cell: (row) => (
                      <>
                        {timeLeft(row.proposal.closesAt)} (closes <DateTime value={row.proposal.closesAt} />)
                      </>
                    ),
                  },
                ]}
              />
            </section>
            <section aria-labelledby="offers-heading">
              <h2 id="offers-heading">Offers awaiting your acceptance</h2>
              <PagedTable
                caption="Offers other states made on your requests"
                rows={data.offers}
                rowKey={(row) => row.offer.id}
                empty="No offer is waiting for your acceptance."
                columns={[
                  { header: 'Offer', cell: (row) => <Link to={`/offers/${row.offer.id}`}>{`${row.offer.stateCode} offers ${row.offer.quantity} ${row.request.unit} of ${row.request.resourceType}`}</Link> },
                  { header: 'Compact', cell: (row) => row.compact.title },
                  { header: 'Your request', cell: (row) => `${row.request.outstanding} of ${row.request.quantity} outstanding` },
                ]}
              />
            </section>
            <section aria-labelledby="fillable-heading">
              <h2 id="fillable-heading">Requests your pledges could fill</h2>
              <PagedTable
                caption="Other states' open requests matching a pledge of yours"
                rows={data.fillable}
                rowKey={(row) => row.request.id}
                empty="No open request matches your pledges."
                columns={[
                  { header: 'Request', cell: (row) => <Link to={`/compacts/${row.compact.id}/resources`}>{`${row.request.stateCode} needs ${row.request.outstanding} ${row.request.unit} of ${row.request.resourceType}`}</Link> },
                  { header: 'Compact', cell: (row) => row.compact.title },
                  { header: 'Your pledge has', cell: (row) => `${row.pledge.remaining} ${row.pledge.unit}` },
                  { header: 'Needed by', cell: (row) => row.request.neededBy ?? '—' },
                ]}
              />
            </section>
            <section aria-labelledby="withdrawals-heading">
              <h2 id="withdrawals-heading">Withdrawals in notice</h2>
              <PagedTable
                caption="Members withdrawing from your compacts"
                rows={data.withdrawals}
                rowKey={(row) => `${row.compact.id}/${row.member.stateCode}`}
                empty="No member is withdrawing."
                columns={[
                  { header: 'State', cell: (row) => row.member.stateCode },
                  { header: 'Compact', cell: (row) => <Link to={`/compacts/${row.compact.id}`}>{row.compact.title}</Link> },
                  { header: 'Withdrawn at', cell: (row) => <DateTime value={row.member.effectiveAt} /> },
                ]}
              />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
