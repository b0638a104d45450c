import { useQuery } from '@tanstack/react-query';
import { Button, Form, Grid, GridContainer } from '@trussworks/react-uswds';
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { MakeOfferBody, MakePledgeBody, MakeRequestBody, Pledge, ResourceRequest } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { DateTime } from '../../../components/date-time';
import { numberOf, SelectField, text, TextField } from '../../../components/fields';
import { PagedTable } from '../../../components/paged-table';
import { PageTitle } from '../../../components/page-title';
import { ActionProblem } from '../../../components/problem';
import { QueryState } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { useSession } from '../../../session/session';
import { compactQuery, pledgesQuery, requestsQuery, resourcesQuery } from '../queries';

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
            <section aria-labelledby="pools-heading">
              <h2 id="pools-heading">Pools</h2>
              <PagedTable
                caption="One pool per resource type and unit"
                rows={data.pools}
                rowKey={(row) => `${row.resourceType}/${row.unit}`}
                empty="Nothing pledged or requested yet."
                columns={[
                  { header: 'Resource', cell: (row) => `${row.resourceType} (${row.unit})` },
                  { header: 'Pledged', cell: (row) => row.pledged },
                  { header: 'Reserved', cell: (row) => row.reserved },
                  { header: 'Available', cell: (row) => row.available },
                  { header: 'Requested', cell: (row) => row.requested },
                  { header: 'Accepted', cell: (row) => row.accepted },
                  { header: 'Outstanding', cell: (row) => row.outstanding },
                ]}
              />
            </section>
            <section aria-labelledby="ledger-heading">
              <h2 id="ledger-heading">Given and received, per state</h2>
              <PagedTable
                caption="Accepted offers per state and resource"
                rows={data.states}
                rowKey={(row) => `${row.stateCode}/${row.resourceType}/${row.unit}`}
                empty="No state has pledged or requested yet."
                columns={[
                  { header: 'State', cell: (row) => row.stateCode },
                  { header: 'Resource', cell: (row) => `${row.resourceType} (${row.unit})` },
                  { header: 'Pledged', cell: (row) => row.pledged },
                  { header: 'Given', cell: (row) => row.given },
                  { header: 'Received', cell: (row) => row.received },
                ]}
              />
            </section>
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

function Pledges({ pledges, state }: { pledges: Pledge[]; state: string | null }) {
  const withdraw = useCommand((id: string) => unwrap(api.POST('/api/v1/pledges/{id}/withdraw', { params: { path: { id } }, body: {} })));
  return (
    <section aria-labelledby="pledges-heading">
      <h2 id="pledges-heading">Pledges</h2>
      <ActionProblem error={withdraw.error} heading="The pledge was not withdrawn" />
      <PagedTable
        caption="Standing offers of capacity"
        rows={pledges}
        rowKey={(row) => row.id}
        empty="No pledges yet."
        columns={[
          { header: 'State', cell: (row) => row.stateCode },
          { header: 'Resource', cell: (row) => `${row.resourceType} (${row.unit})` },
          { header: 'Quantity', cell: (row) => row.quantity },
          { header: 'Reserved', cell: (row) => row.reserved },
          { header: 'Remaining', cell: (row) => row.remaining },
          { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
          {
            header: 'Action',
            cell: (row) =>
              row.stateCode === state && row.status === 'open' ? (
                <Button type="button" unstyled onClick={() => withdraw.mutate(row.id)} aria-label={`Withdraw pledge of ${row.quantity} ${row.resourceType}`}>
                  Withdraw
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </section>
  );
}

function Requests({ requests, state }: { requests: ResourceRequest[]; state: string | null }) {
  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">Requests and offers</h2>
      <PagedTable
        caption="Requests, each with the offers made on it"
        rows={requests}
        rowKey={(row) => row.id}
        empty="No requests yet."
        columns={[
          { header: 'State', cell: (row) => row.stateCode },
          { header: 'Resource', cell: (row) => `${row.resourceType} (${row.unit})` },
          { header: 'Quantity', cell: (row) => row.quantity },
          { header: 'Outstanding', cell: (row) => row.outstanding },
          { header: 'Needed by', cell: (row) => row.neededBy ?? '—' },
          { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
          {
            header: 'Offers',
            cell: (row) =>
              row.offers.length === 0 ? (
                'none'
              ) : (
                <ul className="usa-list usa-list--unstyled">
                  {row.offers.map((offer) => (
                    <li key={offer.id}>
                      <Link to={`/offers/${offer.id}`}>
                        {offer.stateCode} offers {offer.quantity}
                      </Link>{' '}
                      <StatusTag status={offer.status} />
                      {row.stateCode === state && offer.status === 'offered' ? ' (awaiting your acceptance)' : ''}
                    </li>
                  ))}
                </ul>
              ),
          },
          { header: 'Made', cell: (row) => <DateTime value={row.createdAt} /> },
        ]}
      />
    </section>
  );
}

function MakePledge({ compactId }: { compactId: string }) {
  const pledge = useCommand((body: MakePledgeBody) => unwrap(api.POST('/api/v1/compacts/{id}/pledges', { params: { path: { id: compactId } }, body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const note = text(form, 'note');
    pledge.mutate(
      { resourceType: text(form, 'resourceType'), unit: text(form, 'unit'), quantity: numberOf(form, 'quantity') ?? 0, ...(note ? { note } : {}) },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <Form onSubmit={submit}>
      <h2>Pledge</h2>
      <TextField name="resourceType" label="Resource type" hint="A slug, such as water-tanker" idPrefix="pledge" required error={pledge.error} />
      <TextField name="unit" label="Unit" idPrefix="pledge" required error={pledge.error} />
      <TextField name="quantity" label="Quantity" idPrefix="pledge" type="number" step="0.01" min="0.01" required error={pledge.error} />
      <TextField name="note" label="Note (optional)" idPrefix="pledge" error={pledge.error} />
      <ActionProblem error={pledge.error} heading="The pledge was not made" />
      <Button type="submit" disabled={pledge.isPending}>
        Make pledge
      </Button>
    </Form>
  );
}

function MakeRequest({ compactId }: { compactId: string }) {
  const request = useCommand((body: MakeRequestBody) => unwrap(api.POST('/api/v1/compacts/{id}/requests', { params: { path: { id: compactId } }, body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const neededBy = text(form, 'neededBy');
    request.mutate(
      {
        resourceType: text(form, 'resourceType'),
        unit: text(form, 'unit'),
        quantity: numberOf(form, 'quantity') ?? 0,
        justification: text(form, 'justification'),
        ...(neededBy ? { neededBy } : {}),
      },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <Form onSubmit={submit}>
      <h2>Request</h2>
      <TextField name="resourceType" label="Resource type" idPrefix="request" required error={request.error} />
      <TextField name="unit" label="Unit" idPrefix="request" required error={request.error} />
      <TextField name="quantity" label="Quantity" idPrefix="request" type="number" step="0.01" min="0.01" required error={request.error} />
      <TextField name="justification" label="Justification" idPrefix="request" required multiline error={request.error} />
      <TextField name="neededBy" label="Needed by (optional)" idPrefix="request" type="date" error={request.error} />
      <ActionProblem error={request.error} heading="The request was not made" />
      <Button type="submit" disabled={request.isPending}>
        Make request
      </Button>
    </Form>
  );
}

function MakeOffer({ state, pledges, requests }: { state: string; pledges: Pledge[]; requests: ResourceRequest[] }) {
  const [requestId, setRequestId] = useState<string>();
  const open = requests.filter((r) => r.stateCode !== state && r.status === 'open');
  const mine = pledges.filter((p) => p.stateCode === state && p.status === 'open' && p.remaining > 0);
  const offer = useCommand(({ id, body }: { id: string; body: MakeOfferBody }) => unwrap(api.POST('/api/v1/requests/{id}/offers', { params: { path: { id } }, body })));
  if (open.length === 0 || mine.length === 0) {
    return (
      <section aria-labelledby="offer-heading">
        <h2 id="offer-heading">Offer</h2>
        <p>An offer commits part of one of your pledges to another state's open request; {open.length === 0 ? 'there is no open request' : 'your state has no pledge with capacity left'}.</p>
      </section>
    );
  }
  const chosen = open.find((r) => r.id === requestId) ?? open[0];
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const cost = numberOf(form, 'costEstimate.amount');
    const terms = text(form, 'terms');
    offer.mutate(
      {
        id: text(form, 'requestId'),
        body: {
          pledgeId: text(form, 'pledgeId'),
          quantity: numberOf(form, 'quantity') ?? 0,
          ...(cost !== undefined ? { costEstimate: { amount: cost, currency: 'USD' } } : {}),
          ...(terms ? { terms } : {}),
        },
      },
      { onSuccess: () => element.reset() },
    );
  };
  return (
    <Form onSubmit={submit}>
      <h2 id="offer-heading">Offer</h2>
      <SelectField
        name="requestId"
        label="To the request"
        idPrefix="offer"
        error={offer.error}
        onChange={setRequestId}
        options={open.map((r) => ({ value: r.id, label: `${r.stateCode}: ${r.outstanding} ${r.unit} of ${r.resourceType}` }))}
      />
      <SelectField
        name="pledgeId"
        label="From your pledge"
        idPrefix="offer"
        error={offer.error}
        options={mine.map((p) => ({ value: p.id, label: `${p.remaining} ${p.unit} of ${p.resourceType} remaining${p.resourceType === chosen.resourceType && p.unit === chosen.unit ? '' : ' (another resource)'}` }))}
      />
      <TextField name="quantity" label="Quantity" idPrefix="offer" type="number" step="0.01" min="0.01" required error={offer.error} />
      <TextField name="costEstimate.amount" label="Cost estimate in USD (optional)" idPrefix="offer" type="number" step="0.01" min="0" error={offer.error} />
      <TextField name="terms" label="Terms (optional)" idPrefix="offer" multiline error={offer.error} />
      <ActionProblem error={offer.error} heading="The offer was not made" />
      <Button type="submit" disabled={offer.isPending}>
        Make offer
      </Button>
    </Form>
  );
}
