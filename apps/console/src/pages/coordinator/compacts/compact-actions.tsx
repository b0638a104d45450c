import { Button, Form } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../api/client';
import type { Compact, OpenProposalBody, ProposalKind, RatificationKind, RatifyBody } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { DateTime } from '../../../components/date-time';
import { instantOf, SelectField, text, TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';
import { ActionProblem } from '../../../components/problem';
import { useSession } from '../../../session/session';

const INSTRUMENTS: { value: RatificationKind; label: string }[] = [
  { value: 'statute', label: 'Statute' },
  { value: 'executive-order', label: 'Executive order' },
  { value: 'agreement', label: 'Agreement' },
];

const PROPOSAL_KINDS: { value: ProposalKind; label: string }[] = [
  { value: 'resolution', label: 'Resolution' },
  { value: 'amendment', label: 'Amendment of the charter' },
  { value: 'dissolution', label: 'Dissolution' },
];

/** What the coordinator's state can do next in this compact, by its membership. */
export function MyStateActions({ compact }: { compact: Compact }) {
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
      <SelectField name="kind" label="Instrument" idPrefix="ratify" error={ratify.error} options={INSTRUMENTS} />
      <TextField name="reference" label="Reference (citation or number)" idPrefix="ratify" required error={ratify.error} />
      <TextField name="enactedOn" label="Enacted on" idPrefix="ratify" type="date" required error={ratify.error} />
      <FormActions command={ratify} problem="The ratification was not recorded">
        Ratify the compact
      </FormActions>
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
      <FormActions command={withdraw} problem="The withdrawal was not recorded" secondary>
        Give notice to withdraw
      </FormActions>
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
      <SelectField name="kind" label="Kind" idPrefix="propose" error={propose.error} options={PROPOSAL_KINDS} />
      <TextField name="title" label="Title" idPrefix="propose" required error={propose.error} />
      <TextField name="text" label="Text" idPrefix="propose" required error={propose.error} multiline />
      <TextField name="charterText" label="New charter text (amendments only)" idPrefix="propose" error={propose.error} multiline />
      <TextField name="closesAt" label="Voting closes at (your time zone)" idPrefix="propose" type="datetime-local" required error={propose.error} />
      <FormActions command={propose} problem="The proposal was not opened">
        Open the proposal
      </FormActions>
    </Form>
  );
}
