import { Fieldset, Form, Label, Select, Textarea } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { DateTime } from '../../components/date-time';
import { FormActions } from '../../components/form-actions';
import { capitalise, LegalAction } from './legal.queries';

const OUTCOMES: NonNullable<LegalAction['outcome']>[] = ['won', 'lost', 'settled', 'mixed', 'withdrawn'];

/** How the closed action ended. */
export function Outcome({ action }: { action: LegalAction }) {
  return (
    <>
      <h2>Outcome</h2>
      <p>
        <strong>{capitalise(action.outcome ?? '')}</strong>
        {action.closedAt && (
          <>
            , closed <DateTime value={action.closedAt} />
          </>
        )}
        . {action.outcomeSummary}
      </p>
    </>
  );
}

/** The lead closes the action with its outcome. */
export function CloseAction({ action }: { action: LegalAction }) {
  const close = useCommand((body: { outcome: NonNullable<LegalAction['outcome']>; summary: string }) =>
    unwrap(api.POST('/api/v1/legal-actions/{id}/close', { params: { path: { id: action.id } }, body })),
  );
  const outcomes = action.status === 'filed' ? OUTCOMES : (['withdrawn'] as const);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    close.mutate({ outcome: String(data.get('outcome')) as NonNullable<LegalAction['outcome']>, summary: String(data.get('outcomeSummary')) });
  };
  return (
    <>
      <h2>Close the action</h2>
      <Form onSubmit={submit} large>
        <Fieldset legend="Close with an outcome" legendStyle="srOnly">
          <Label htmlFor="outcome">Outcome</Label>
          <Select id="outcome" name="outcome" required aria-describedby="outcome-hint">
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {capitalise(outcome)}
              </option>
            ))}
          </Select>
          <span className="usa-hint" id="outcome-hint">
            An action never filed can only close as withdrawn.
          </span>
          <Label htmlFor="outcomeSummary">Summary of the outcome</Label>
          <Textarea id="outcomeSummary" name="outcomeSummary" required />
        </Fieldset>
        <FormActions command={close} problem="Could not close the action" secondary>
          Close the action
        </FormActions>
      </Form>
    </>
  );
}
