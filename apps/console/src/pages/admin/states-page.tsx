import { Button, Fieldset, Form, Label, TextInput } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import type { components } from '@coalition/api-client';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { FormActions } from '../../components/form-actions';
import { PagedTable } from '../../components/paged-table';
import { PageTitle } from '../../components/page-title';
import { ActionProblem, FieldProblem } from '../../components/problem';
import { QueryState } from '../../components/query-state';
import { AdminNav } from './admin-nav';
import { statesQuery } from './admin.queries';

type MemberState = components['schemas']['MemberState'];
const count = new Intl.NumberFormat();

export default function StatesPage() {
  const states = useQuery(statesQuery());
  const [formKey, setFormKey] = useState(0);
  const register = useCommand((body: { code: string; name: string; population: number }) => unwrap(api.POST('/api/v1/states', { body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    register.mutate(
      { code: String(data.get('code')).trim().toUpperCase(), name: String(data.get('name')).trim(), population: Number(data.get('population')) },
      { onSuccess: () => setFormKey((key) => key + 1) },
    );
  };
  return (
    <>
      <PageTitle title="States">States</PageTitle>
      <AdminNav />
      <QueryState query={states} what="the states">
        {(rows) => (
          <PagedTable
            caption="Member states"
            rows={rows}
            rowKey={(row) => row.code}
            empty="No state is registered yet."
            columns={[
              { header: 'Code', cell: (row) => row.code },
              { header: 'Name', cell: (row) => row.name },
              { header: 'Population', cell: (row) => <PopulationForm state={row} /> },
            ]}
          />
        )}
      </QueryState>
      <Form key={formKey} onSubmit={submit} large>
        <Fieldset legend="Register a state">
          <Label htmlFor="code">Code</Label>
          <TextInput id="code" name="code" type="text" required maxLength={2} aria-describedby="code-hint code-problem" />
          <span className="usa-hint" id="code-hint">
            Two letters, for example WA
          </span>
          <FieldProblem error={register.error} field="code" id="code-problem" />
          <Label htmlFor="name">Name</Label>
          <TextInput id="name" name="name" type="text" required />
          <Label htmlFor="population">Population</Label>
          <TextInput id="population" name="population" type="number" min={1} required aria-describedby="population-problem" />
          <FieldProblem error={register.error} field="population" id="population-problem" />
        </Fieldset>
        <FormActions command={register} problem="Could not register the state">
          Register the state
        </FormActions>
      </Form>
    </>
  );
}

function PopulationForm({ state }: { state: MemberState }) {
  const change = useCommand((population: number) => unwrap(api.PATCH('/api/v1/states/{code}', { params: { path: { code: state.code } }, body: { population } })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate(Number(new FormData(event.currentTarget).get('population')));
  };
  const id = `population-${state.code}`;
  return (
    <form onSubmit={submit} className="display-flex flex-wrap flex-align-end">
      <div className="margin-right-1">
        <label className="usa-sr-only" htmlFor={id}>
          Population of {state.name}
        </label>
        <input className="usa-input margin-top-0 width-card" id={id} name="population" type="number" min={1} defaultValue={state.population} key={state.population} />
      </div>
      <Button type="submit" outline className="margin-top-1" disabled={change.isPending}>
        Save<span className="usa-sr-only"> the population of {state.name}</span>
      </Button>
      <span className="usa-sr-only" aria-live="polite">
        {change.isSuccess ? `Population of ${state.name} is now ${count.format(state.population)}` : ''}
      </span>
      <ActionProblem error={change.error} heading="Could not change the population" />
    </form>
  );
}
