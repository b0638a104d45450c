import { useQuery } from '@tanstack/react-query';
import { Grid, GridContainer } from '@trussworks/react-uswds';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useSession } from '../../../session/session';
import { compactQuery, pledgesQuery, requestsQuery, resourcesQuery } from '../queries';
import { MakeOffer, MakePledge, MakeRequest } from './resource-forms';
import { Pledges, Requests } from './resource-lists';
import { Ledger, Pools } from './resource-pools';

export default function ResourceBoardPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const compact = useQuery(compactQuery(id));
  const resources = useQuery(resourcesQuery(id));
  const pledges = useQuery(pledgesQuery(id));
  const requests = useQuery(requestsQuery(id));
  const state = session.me.stateCode;
  const mayAct = session.has('coordinator') && Boolean(state) && compact.data?.members.some((m) => m.stateCode === state && m.status === 'ratified');

  return (
    <>
      <PageTitle title={`Resources: ${compact.data?.title ?? 'compact'}`}>Resource board{compact.data ? `: ${compact.data.title}` : ''}</PageTitle>
      <p>
        <Link to={`/compacts/${id}`}>Back to the compact</Link>
      </p>
      <QueryState query={resources} what="the pools">
        {(data) => (
          <>
            <Pools rows={data.pools} />
            <Ledger rows={data.states} />
          </>
        )}
      </QueryState>
      <QueryState query={pledges} what="pledges">
        {(rows) => <Pledges pledges={rows} state={state} />}
      </QueryState>
      <QueryState query={requests} what="requests">
        {(rows) => <Requests requests={rows} state={state} />}
      </QueryState>
      {mayAct && state && pledges.data && requests.data && (
        <GridContainer className="padding-x-0">
          <Grid row gap>
            <Grid tablet={{ col: 4 }}>
              <MakePledge compactId={id} />
            </Grid>
            <Grid tablet={{ col: 4 }}>
              <MakeRequest compactId={id} />
            </Grid>
            <Grid tablet={{ col: 4 }}>
              <MakeOffer state={state} pledges={pledges.data} requests={requests.data} />
            </Grid>
          </Grid>
        </GridContainer>
      )}
    </>
  );
}
