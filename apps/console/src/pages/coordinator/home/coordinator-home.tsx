import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { agendaQuery } from './agenda';
import { FillableRequests, OffersAwaiting, VotesWaiting, WithdrawalsInNotice } from './agenda-sections';

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
            <VotesWaiting rows={data.votes} stateCode={stateCode} />
            <OffersAwaiting rows={data.offers} />
            <FillableRequests rows={data.fillable} />
            <WithdrawalsInNotice rows={data.withdrawals} />
          </>
        )}
      </QueryState>
    </>
  );
}
