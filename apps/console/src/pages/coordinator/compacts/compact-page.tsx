import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Grid, GridContainer } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { Compact, OpenProposalBody, ProposalKind, RatificationKind, RatifyBody } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { DateTime } from '../../../components/date-time';
import { instantOf, SelectField, text, TextField } from '../../../components/fields';
import { PagedTable } from '../../../components/paged-table';
import { PageTitle } from '../../../components/page-title';
import { ActionProblem } from '../../../components/problem';
import { QueryState } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { useSession } from '../../../session/session';
import { compactQuery, proposalsQuery } from '../queries';

const RULE_WORDS = {
  'one-state-one-vote': 'one state, one vote',
  'population-weighted': 'weighted by population',
  'simple-majority': 'a simple majority',
  'two-thirds': 'two thirds',
  unanimous: 'unanimity',
} as const;

export default function CompactPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const asOf = search.get('asOf') ?? undefined;
  const compact = useQuery(compactQuery(id, asOf));

  const showAsOf = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const at = instantOf(new FormData(event.currentTarget), 'asOf');
    setSearch(at ? { asOf: at } : {});
  };

  return (
    <QueryState query={compact} what="the compact">
      {(data) => (
        <>
          <PageTitle title={data.title}>{data.title}</PageTitle>
          <p>
            <StatusTag status={data.status} /> {data.purpose}
          </p>
          {asOf && (
            <Alert type="info" headingLevel="h2" heading="A past view" slim>
              The compact as it stood at <DateTime value={asOf} />, folded from its events. <Link to={`/compacts/${id}`}>Show it as it is now</Link>.
            </Alert>
          )}
          <GridContainer className="padding-x-0">
            <Grid row gap>
              <Grid tablet={{ col: 7 }}>
                <Charter compact={data} />
                <Members compact={data} />
              </Grid>
              <Grid tablet={{ col: 5 }}>
                <section aria-labelledby="as-of-heading">
                  <h2 id="as-of-heading">As of a date and time</h2>
                  <Form onSubmit={showAsOf}>
                    <TextField name="asOf" label="Show the compact as it stood at (your time zone)" type="datetime-local" step="1" required />
                    <Button type="submit" outline>
                      Show
                    </Button>
                  </Form>
                </section>
                {!asOf && <MyStateActions compact={data} />}
                <p className="margin-top-3">
                  <Link to={`/compacts/${id}/resources`}>Resource board of this compact</Link>
                </p>
              </Grid>
            </Grid>
          </GridContainer>
          {!asOf && <Proposals compactId={id} />}
        </>
      )}
    </QueryState>
  );
}

function Charter({ compact }: { compact: Compact }) {
  return (
    <section aria-labelledby="charter-heading">
      <h2 id="charter-heading">Charter, version {compact.charter.version}</h2>
      <blockquote className="border-left-05 border-base-light padding-left-2 margin-left-0">{compact.charter.text}</blockquote>
      <p className="font-mono-2xs text-wrap" style={{ overflowWrap: 'anywhere' }}>
        SHA-256: <span>{compact.charter.sha256}</span>
      </p>
      <h3>Voting rule</h3>
      <p>
        Decided by {RULE_WORDS[compact.votingRule.method]}, with a quorum of {Math.round(compact.votingRule.quorum * 100)}% and {RULE_WORDS[compact.votingRule.threshold]} to pass.
        Active once {compact.minRatifications} states ratify; withdrawal takes {compact.withdrawalNoticeDays} days' notice.
      </p>
    </section>
  );
}

function Members({ compact }: { compact: Compact }) {
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <PagedTable
        caption="Member states and their ratification"
        rows={compact.members}
        rowKey={(row) => row.stateCode}
        empty="No members."
        columns={[
          { header: 'State', cell: (row) => row.stateCode },
          { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
          {
            header: 'Ratification',
            cell: (row) => (row.ratification ? `${row.ratification.kind}: ${row.ratification.reference}, enacted ${row.ratification.enactedOn}` : '—'),
          },
          { header: 'Effective', cell: (row) => (row.effectiveAt ? <DateTime value={row.effectiveAt} /> : '—') },
        ]}
      />
    </section>
  );
}

function MyStateActions({ compact }: { compact: Compact }) {
  const session = useSession();
  const state = session.me.stateCode;
  if (!session.has('coordinator') || !state) return null;
  const member = compact.members.find((m) => m.stateCode === state);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">What {state} can do</h2>
      {!member || member.status === 'withdrawn' ? (
        <Join compactId={compact.id} />
      ) : member.status === 'admitted' ? (
        <Ratify compactId={compact.id} />
      ) : member.status === 'ratified' ? (
        <>
          {compact.status === 'active' && <Propose compactId={compact.id} />}
          <Withdraw compact={compact} />
        </>
      ) : (
        <p>
          {state} is {member.status}
          {member.effectiveAt ? (
            <>
              {' '}
              until <DateTime value={member.effectiveAt} />
            </>
          ) : null}
          .
        </p>
      )}
    </section>
  );
}

function Join({ compactId }: { compactId: string }) {
  const navigate = useNavigate();
  // mutateAsync: this button unmounts once the refetched compact shows the state as applied.
  const join = useCommand(() => unwrap(api.POST('/api/v1/compacts/{id}/join-requests', { params: { path: { id: compactId } }, body: {} })));
  return (
    <>
      <p>Your state is not a member. Applying opens an admission vote of the ratified states.</p>
      <ActionProblem error={join.error} heading="Could not apply" />
      <Button type="button" onClick={() => join.mutateAsync(undefined).then((answer) => navigate(`/proposals/${answer.id}`), () => undefined)} disabled={join.isPending}>
        Apply to join
      </Button>
    </>
  );
}

function Ratify({ compactId }: { compactId: string }) {
  const ratify = useCommand((body: RatifyBody) => unwrap(api.POST('/api/v1/compacts/{id}/ratifications', { params: { path: { id: compactId } }, body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    ratify.mutate({ kind: text(form, 'kind') as RatificationKind, reference: text(form, 'reference'), enactedOn: text(form, 'enactedOn') });
  };
  return (
    <Form onSubmit={submit}>
      <h3>Ratify</h3>
      <SelectField
        name="kind"
        label="Instrument"
        idPrefix="ratify"
        error={ratify.error}
        options={[
          { value: 'statute', label: 'Statute' },
          { value: 'executive-order', label: 'Executive order' },
          { value: 'agreement', label: 'Agreement' },
        ]}
      />
      <TextField name="reference" label="Reference (citation or number)" idPrefix="ratify" required error={ratify.error} />
      <TextField name="enactedOn" label="Enacted on" idPrefix="ratify" type="date" required error={ratify.error} />
      <ActionProblem error={ratify.error} heading="The ratification was not recorded" />
      <Button type="submit" disabled={ratify.isPending}>
        Ratify the compact
      </Button>
    </Form>
  );
}

function Withdraw({ compact }: { compact: Compact }) {
  const withdraw = useCommand((reason: string) => unwrap(api.POST('/api/v1/compacts/{id}/withdrawals', { params: { path: { id: compact.id } }, body: { reason } })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    withdraw.mutate(text(new FormData(event.currentTarget), 'reason'));
  };
  return (
    <Form onSubmit={submit}>
      <h3>Withdraw</h3>
      <p>Notice: {compact.withdrawalNoticeDays} days. Accepted offers and their reimbursements survive withdrawal.</p>
      <TextField name="reason" label="Reason for withdrawing" idPrefix="withdraw" required error={withdraw.error} multiline />
      <ActionProblem error={withdraw.error} heading="The withdrawal was not recorded" />
      <Button type="submit" secondary disabled={withdraw.isPending}>
        Give notice to withdraw
      </Button>
    </Form>
  );
}

function Propose({ compactId }: { compactId: string }) {
  const navigate = useNavigate();
  const propose = useCommand((body: OpenProposalBody) => unwrap(api.POST('/api/v1/compacts/{id}/proposals', { params: { path: { id: compactId } }, body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kind = text(form, 'kind') as ProposalKind;
    const body: OpenProposalBody = { kind, title: text(form, 'title'), text: text(form, 'text'), closesAt: instantOf(form, 'closesAt') ?? '' };
    if (kind === 'amendment') body.amendment = { charterText: text(form, 'charterText') };
    // The page moves on even when this form unmounts as the compact is refetched.
    propose.mutateAsync(body).then((answer) => navigate(`/proposals/${answer.id}`), () => undefined);
  };
  return (
    <Form onSubmit={submit}>
      <h3>Propose</h3>
      <SelectField
        name="kind"
        label="Kind"
        idPrefix="propose"
        error={propose.error}
        options={[
          { value: 'resolution', label: 'Resolution' },
          { value: 'amendment', label: 'Amendment of the charter' },
          { value: 'dissolution', label: 'Dissolution' },
        ]}
      />
      <TextField name="title" label="Title" idPrefix="propose" required error={propose.error} />
      <TextField name="text" label="Text" idPrefix="propose" required error={propose.error} multiline />
      <TextField name="charterText" label="New charter text (amendments only)" idPrefix="propose" error={propose.error} multiline />
      <TextField name="closesAt" label="Voting closes at (your time zone)" idPrefix="propose" type="datetime-local" required error={propose.error} />
      <ActionProblem error={propose.error} heading="The proposal was not opened" />
      <Button type="submit" disabled={propose.isPending}>
        Open the proposal
      </Button>
    </Form>
  );
}

function Proposals({ compactId }: { compactId: string }) {
  const proposals = useQuery(proposalsQuery(compactId));
  return (
    <section aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">Proposals</h2>
      <QueryState query={proposals} what="proposals">
        {(rows) => (
          <PagedTable
            caption="Proposals, newest first"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No proposals yet."
            columns={[
              { header: 'Title', cell: (row) => <Link to={`/proposals/${row.id}`}>{row.title}</Link> },
              { header: 'Kind', cell: (row) => row.kind },
              { header: 'Status', cell: (row) => <StatusTag status={row.status} /> },
              { header: 'Closes', cell: (row) => <DateTime value={row.closedAt ?? row.closesAt} /> },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
