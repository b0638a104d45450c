import { useQuery } from '@tanstack/react-query';
import { Button, Form } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { Offer } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { DateTime } from '../../../components/date-time';
import { text, TextField } from '../../../components/fields';
import { PageTitle } from '../../../components/page-title';
import { ActionProblem } from '../../../components/problem';
import { QueryState } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { TableSection } from '../../../components/table-section';
import { useSession } from '../../../session/session';
import { offerQuery } from '../queries';
import { ReimbursementForm } from './reimbursement-form';

const money = (amount: number) => amount.toLocaleString('en-US', { style: 'currency', currency: 'USD' });

export default function OfferPage() {
  const { id = '' } = useParams();
  const offer = useQuery(offerQuery(id));
  return (
    <QueryState query={offer} what="the offer">
      {(data) => (
        <>
          <PageTitle title={`Offer from ${data.stateCode}`}>
            Offer of {data.quantity} {data.unit} of {data.resourceType}
          </PageTitle>
          <p>
            <StatusTag status={data.status} /> From {data.stateCode} to {data.requestingState}, made <DateTime value={data.createdAt} />.{' '}
            <Link to={`/compacts/${data.compactId}/resources`}>Back to the resource board</Link>
          </p>
          <dl>
            <dt className="text-bold">Cost estimate</dt>
            <dd>{data.costEstimate ? money(data.costEstimate.amount) : 'none given'}</dd>
            <dt className="text-bold">Terms</dt>
            <dd>{data.terms ?? 'none given'}</dd>
            {data.acceptedAt && (
              <>
                <dt className="text-bold">Accepted</dt>
                <dd>
                  <DateTime value={data.acceptedAt} />
                </dd>
              </>
            )}
            {data.receivedAt && (
              <>
                <dt className="text-bold">Received</dt>
                <dd>
                  <DateTime value={data.receivedAt} />
                </dd>
              </>
            )}
            {data.declineReason && (
              <>
                <dt className="text-bold">Declined because</dt>
                <dd>{data.declineReason}</dd>
              </>
            )}
          </dl>
          <OfferActions offer={data} />
          <Reimbursements offer={data} />
        </>
      )}
    </QueryState>
  );
}

function OfferActions({ offer }: { offer: Offer }) {
  const session = useSession();
  const state = session.me.stateCode;
  const path = { params: { path: { id: offer.id } } };
  const accept = useCommand(() => unwrap(api.POST('/api/v1/offers/{id}/accept', { ...path, body: {} })));
  const decline = useCommand((reason: string) => unwrap(api.POST('/api/v1/offers/{id}/decline', { ...path, body: reason ? { reason } : {} })));
  const withdraw = useCommand(() => unwrap(api.POST('/api/v1/offers/{id}/withdraw', { ...path, body: {} })));
  const receipt = useCommand(() => unwrap(api.POST('/api/v1/offers/{id}/receipt', { ...path, body: {} })));
  if (!session.has('coordinator') || !state) return null;
  const requesting = state === offer.requestingState;
  const offering = state === offer.stateCode;
  const error = accept.error ?? decline.error ?? withdraw.error ?? receipt.error;

  const declineSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    decline.mutate(text(new FormData(event.currentTarget), 'reason'));
  };
  return (
    <section aria-labelledby="offer-actions-heading">
      <h2 id="offer-actions-heading">What {state} can do</h2>
      <ActionProblem error={error} />
      {requesting && offer.status === 'offered' && (
        <>
          <Button type="button" onClick={() => accept.mutate(undefined)} disabled={accept.isPending}>
            Accept offer
          </Button>
          <Form onSubmit={declineSubmit}>
            <TextField name="reason" label="Reason for declining (optional)" idPrefix="decline" error={decline.error} />
            <Button type="submit" secondary disabled={decline.isPending}>
              Decline offer
            </Button>
          </Form>
        </>
      )}
      {requesting && offer.status === 'accepted' && (
        <Button type="button" onClick={() => receipt.mutate(undefined)} disabled={receipt.isPending}>
          Confirm receipt
        </Button>
      )}
      {offering && offer.status === 'offered' && (
        <Button type="button" secondary onClick={() => withdraw.mutate(undefined)} disabled={withdraw.isPending}>
          Withdraw offer
        </Button>
      )}
      {offering && (offer.status === 'accepted' || offer.status === 'received') && <ReimbursementForm offerId={offer.id} />}
      {!requesting && !offering && <p>{state} is not a party to this offer.</p>}
    </section>
  );
}

function Reimbursements({ offer }: { offer: Offer }) {
  const session = useSession();
  const approve = useCommand((id: string) => unwrap(api.POST('/api/v1/reimbursements/{id}/approve', { params: { path: { id } }, body: {} })));
  const pay = useCommand((id: string) => unwrap(api.POST('/api/v1/reimbursements/{id}/pay', { params: { path: { id } }, body: {} })));
  const payer = session.has('coordinator') && session.me.stateCode === offer.requestingState;
  return (
    <TableSection
      id="reimbursements"
      heading="Reimbursements"
      caption="Claims on this offer"
      rows={offer.reimbursements}
      rowKey={(row) => row.id}
      empty="No reimbursement claimed yet."
      columns={[
        { header: 'Amount', cell: (row) => money(row.amount) },
        {
          header: 'Categories',
          cell: (row) =>
            Object.entries(row.categories)
              .map(([category, amount]) => `${category} ${money(Number(amount))}`)
              .join(', '),
        },
        { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
        { header: 'Claimed', cell: (row) => <DateTime value={row.claimedAt} /> },
        {
          header: 'Action',
          cell: (row) =>
            payer && row.status === 'claimed' ? (
              <Button type="button" unstyled onClick={() => approve.mutate(row.id)}>
                Approve
              </Button>
            ) : payer && row.status === 'approved' ? (
              <Button type="button" unstyled onClick={() => pay.mutate(row.id)}>
                Mark paid
              </Button>
            ) : (
              '—'
            ),
        },
      ]}
    >
      <ActionProblem error={approve.error ?? pay.error} />
    </TableSection>
  );
}
