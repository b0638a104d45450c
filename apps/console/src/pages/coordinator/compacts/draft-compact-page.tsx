import { useQuery } from '@tanstack/react-query';
import { Checkbox, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import type { DraftCompactBody as DraftBody, VotingRule } from '../../../api/types';
import { useCommand } from '../../../api/use-command';
import { numberOf, SelectField, text, TextField } from '../../../components/fields';
import { FormActions } from '../../../components/form-actions';
import { PageTitle } from '../../../components/page-title';
import { QueryState } from '../../../components/query-state';
import { useSession } from '../../../session/session';
import { statesQuery } from '../queries';

function draftBody(form: FormData): DraftBody {
  return {
    title: text(form, 'title'),
    purpose: text(form, 'purpose'),
    charter: { text: text(form, 'charter.text') },
    votingRule: {
      method: text(form, 'votingRule.method') as VotingRule['method'],
      quorum: (numberOf(form, 'votingRule.quorum') ?? 0) / 100,
      threshold: text(form, 'votingRule.threshold') as VotingRule['threshold'],
    },
    foundingStates: form.getAll('foundingStates').map(String),
    minRatifications: numberOf(form, 'minRatifications'),
    withdrawalNoticeDays: numberOf(form, 'withdrawalNoticeDays'),
  };
}

export default function DraftCompactPage() {
  const navigate = useNavigate();
  const draft = useCommand((body: DraftBody) => unwrap(api.POST('/api/v1/compacts', { body })));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    draft.mutateAsync(draftBody(new FormData(event.currentTarget))).then((answer) => navigate(`/compacts/${answer.id}`), () => undefined);
  };

  return (
    <>
      <PageTitle title="Draft a compact">Draft a compact</PageTitle>
      <Form onSubmit={submit} large>
        <TextField name="title" label="Title" required error={draft.error} />
        <TextField name="purpose" label="Purpose" required error={draft.error} multiline />
        <TextField name="charter.text" label="Charter text" required error={draft.error} multiline hint="Its SHA-256 is recorded; an amendment makes a new version." />
        <VotingRuleFields error={draft.error} />
        <FoundingStates error={draft.error} />
        <TextField name="minRatifications" label="Ratifications needed to become active" type="number" min="1" step="1" defaultValue={2} error={draft.error} />
        <TextField name="withdrawalNoticeDays" label="Withdrawal notice (days)" type="number" min="0" step="1" defaultValue={0} error={draft.error} />
        <FormActions command={draft} problem="The compact was not drafted">
          Draft the compact
        </FormActions>
      </Form>
    </>
  );
}

function VotingRuleFields({ error }: { error: unknown }) {
  return (
    <Fieldset legend="Voting rule">
      <Radio id="method-one" name="votingRule.method" value="one-state-one-vote" label="One state, one vote" defaultChecked />
      <Radio id="method-weighted" name="votingRule.method" value="population-weighted" label="Weighted by population" />
      <TextField name="votingRule.quorum" label="Quorum (percent of the electorate's weight that must vote)" type="number" min="0" step="1" defaultValue={50} required error={error} />
      <SelectField
        name="votingRule.threshold"
        label="Threshold to pass"
        error={error}
        options={[
          { value: 'simple-majority', label: 'Simple majority (more yes than no)' },
          { value: 'two-thirds', label: 'Two thirds of yes and no' },
          { value: 'unanimous', label: 'Unanimous' },
        ]}
      />
    </Fieldset>
  );
}

/** Every member state as a checkbox; the coordinator's own state starts checked. */
function FoundingStates({ error }: { error: unknown }) {
  const session = useSession();
  const states = useQuery(statesQuery());
  const founding = error instanceof ApiProblem ? error.forField('foundingStates') : undefined;
  return (
    <Fieldset legend="Founding states">
      <span className="usa-hint">Your state must be one of them; founding states start admitted.</span>
      {founding && <span className="usa-error-message">{founding}</span>}
      <QueryState query={states} what="states">
        {(rows) => (
          <>
            {rows.map((state) => (
              <Checkbox
                key={state.code}
                id={`founding-${state.code}`}
                name="foundingStates"
                value={state.code}
                label={`${state.name} (${state.code})`}
                defaultChecked={state.code === session.me.stateCode}
              />
            ))}
          </>
        )}
      </QueryState>
    </Fieldset>
  );
}
