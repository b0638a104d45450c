import { useQuery } from '@tanstack/react-query';
import { Button, Fieldset, Form, Grid, GridContainer, Radio } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { Proposal, VoteChoice } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { DateTime, timeLeft } from '../../../components/date-time';
import { FormActions } from '../../../components/form-actions';
import { PageTitle } from '../../../components/page-title';
import { ActionProblem } from '../../../components/problem';
import { QueryState } from '../../../components/query-state';
import { StatusTag } from '../../../components/status-tag';
import { TableSection } from '../../../components/table-section';
import { useSession } from '../../../session/session';
import { proposalQuery } from '../queries';
import { Tally } from './tally';

/** Each state's latest vote (a state may change its vote until the proposal closes). */
export function latestVotes(proposal: Proposal): Map<string, VoteChoice> {
  const latest = new Map<string, VoteChoice>();
  for (const vote of proposal.votes) latest.set(vote.stateCode, vote.choice);
  return latest;
}

export default function ProposalPage() {
  const { id = '' } = useParams();
  const proposal = useQuery(proposalQuery(id));
  return (
    <QueryState query={proposal} what="the proposal">
      {(data) => {
        const latest = latestVotes(data);
        return (
          <>
            <PageTitle title={data.title}>{data.title}</PageTitle>
            <ProposalSummary proposal={data} />
            <p>{data.text}</p>
            <GridContainer className="padding-x-0">
              <Grid row gap>
                <Grid tablet={{ col: 6 }}>
                  <Tally proposal={data} />
                </Grid>
                <Grid tablet={{ col: 6 }}>
                  <VoteForm proposal={data} current={latest} />
                  <CloseProposal proposal={data} />
                </Grid>
              </Grid>
            </GridContainer>
            <TableSection
              id="electorate"
              heading="Electorate"
              caption="States that vote, their weight and current vote"
              rows={data.electorate}
              rowKey={(row) => row.stateCode}
              empty="No electorate."
              columns={[
                { header: 'State', cell: (row) => row.stateCode },
                { header: 'Weight', cell: (row) => row.weight.toLocaleString() },
                { header: 'Current vote', cell: (row) => latest.get(row.stateCode) ?? 'not voted' },
              ]}
            />
            <TableSection
              id="votes"
              heading="Votes cast"
              caption="Every vote, in order (a changed vote appears once per vote)"
              rows={data.votes.map((vote, index) => ({ ...vote, index }))}
              rowKey={(row) => String(row.index)}
              empty="No votes yet."
              columns={[
                { header: 'State', cell: (row) => row.stateCode },
                { header: 'Choice', cell: (row) => row.choice },
                { header: 'Cast', cell: (row) => <DateTime value={row.castAt} /> },
                { header: 'By', cell: (row) => row.castBy },
              ]}
            />
          </>
        );
      }}
    </QueryState>
  );
}

/** Status, kind, proposer and time left; and, for those allowed to read it, the decision record. */
function ProposalSummary({ proposal }: { proposal: Proposal }) {
  const session = useSession();
  const auditor = session.has('auditor') || session.has('admin');
  return (
    <>
      <p>
        <StatusTag status={proposal.status} /> {proposal.kind}
        {proposal.applicantState ? ` of ${proposal.applicantState}` : ''}, proposed by {proposal.proposedBy} in <Link to={`/compacts/${proposal.compactId}`}>its compact</Link>.{' '}
        {proposal.status === 'open' ? (
          <>
            Closes <DateTime value={proposal.closesAt} /> ({timeLeft(proposal.closesAt)}).
          </>
        ) : (
          <>
            Closed <DateTime value={proposal.closedAt} />.
          </>
        )}
      </p>
      {auditor ? (
        <p>
          <Link to={`/audit/decisions/${proposal.id}`}>Decision record of this proposal</Link>: each vote with its event's position and hash.
        </p>
      ) : null}
    </>
  );
}

function VoteForm({ proposal, current }: { proposal: Proposal; current: Map<string, VoteChoice> }) {
  const session = useSession();
  const state = session.me.stateCode;
  const vote = useCommand((choice: VoteChoice) => unwrap(api.POST('/api/v1/proposals/{id}/votes', { params: { path: { id: proposal.id } }, body: { choice } })));
  if (!session.has('coordinator') || !state || proposal.status !== 'open') return null;
  if (!proposal.electorate.some((seat) => seat.stateCode === state)) return <p>{state} is not in this proposal's electorate.</p>;
  const mine = current.get(state);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const choice = new FormData(event.currentTarget).get('choice');
    if (choice) vote.mutate(choice as VoteChoice);
  };
  return (
    <section aria-labelledby="vote-heading">
      <h2 id="vote-heading">{mine ? `${state} voted ${mine}` : `${state} has not voted`}</h2>
      <Form onSubmit={submit}>
        <Fieldset legend={mine ? 'Change your vote' : 'Your vote'}>
          {(['yes', 'no', 'abstain'] as const).map((choice) => (
            <Radio key={choice} id={`choice-${choice}`} name="choice" value={choice} label={choice[0].toUpperCase() + choice.slice(1)} defaultChecked={mine === choice} required />
          ))}
        </Fieldset>
        <FormActions command={vote} problem="The vote was not recorded">
          {mine ? 'Change vote' : 'Cast vote'}
        </FormActions>
      </Form>
    </section>
  );
}

function CloseProposal({ proposal }: { proposal: Proposal }) {
  const session = useSession();
  const close = useCommand(() => unwrap(api.POST('/api/v1/proposals/{id}/close', { params: { path: { id: proposal.id } }, body: {} })));
  const mayClose = session.has('admin') || (session.has('coordinator') && session.me.stateCode === proposal.proposedBy);
  if (!mayClose || proposal.status !== 'open') return null;
  return (
    <div className="margin-top-3">
      <p>A proposal closes once its time is up or every state has voted.</p>
      <ActionProblem error={close.error} heading="The proposal was not closed" />
      <Button type="button" outline onClick={() => close.mutate(undefined)} disabled={close.isPending}>
        Close the proposal
      </Button>
    </div>
  );
}
