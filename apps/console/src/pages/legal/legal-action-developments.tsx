import { Fieldset, Form, Label, Select, Textarea } from '@trussworks/react-uswds';
import { FormEvent, useState } from 'react';
import type { components } from '@coalition/api-client';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { DateTime } from '../../components/date-time';
import { FormActions } from '../../components/form-actions';
import { FieldProblem } from '../../components/problem';
import { DocumentHashInput } from './document-hash-input';
import { capitalise, LegalAction } from './legal.queries';

type Development = components['schemas']['Development'];
const DEVELOPMENT_KINDS: Development['kind'][] = ['order', 'ruling', 'injunction', 'appeal', 'judgment', 'settlement', 'dismissal'];

/** What happened in the case, oldest first. */
export function Timeline({ developments }: { developments: Development[] }) {
  if (developments.length === 0) return <p className="text-base">No development has been recorded.</p>;
  const ordered = [...developments].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt.localeCompare(b.recordedAt));
  return (
    <ol className="usa-process-list" aria-label="Developments, oldest first">
      {ordered.map((development) => (
        <li key={development.id} className="usa-process-list__item">
          <h3 className="usa-process-list__heading">
            {capitalise(development.kind)}, {development.occurredOn}
          </h3>
          <p>{development.summary}</p>
          <p className="font-body-2xs text-base-dark">
            Recorded by {development.stateCode} (<DateTime value={development.recordedAt} />)
            {development.documentSha256 && (
              <>
                ; document SHA-256 <span className="font-mono-2xs" style={{ overflowWrap: 'anywhere' }}>{development.documentSha256}</span>
              </>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** A signatory records an order, ruling, appeal… of the filed action. */
export function RecordDevelopment({ action }: { action: LegalAction }) {
  const [hash, setHash] = useState<string>();
  const [formKey, setFormKey] = useState(0);
  const record = useCommand((body: { kind: Development['kind']; occurredOn: string; summary: string; documentSha256?: string }) =>
    unwrap(api.POST('/api/v1/legal-actions/{id}/developments', { params: { path: { id: action.id } }, body })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    record.mutate(
      {
        kind: String(data.get('developmentKind')) as Development['kind'],
        occurredOn: String(data.get('occurredOn')),
        summary: String(data.get('developmentSummary')),
        ...(hash ? { documentSha256: hash } : {}),
      },
      { onSuccess: () => setFormKey((key) => key + 1) },
    );
  };
  return (
    <Form key={formKey} onSubmit={submit} large>
      <Fieldset legend="Record a development">
        <Label htmlFor="developmentKind">Kind</Label>
        <Select id="developmentKind" name="developmentKind" required>
          {DEVELOPMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {capitalise(kind)}
            </option>
          ))}
        </Select>
        <Label htmlFor="occurredOn">Occurred on</Label>
        <input className="usa-input" id="occurredOn" name="occurredOn" type="date" required aria-describedby="occurredOn-problem" />
        <FieldProblem error={record.error} field="occurredOn" id="occurredOn-problem" />
        <Label htmlFor="developmentSummary">Summary</Label>
        <Textarea id="developmentSummary" name="developmentSummary" required />
        <DocumentHashInput id="development-document" label="Document (optional)" onHash={setHash} />
      </Fieldset>
      <FormActions command={record} problem="Could not record the development">
        Record the development
      </FormActions>
    </Form>
  );
}
