import { Fieldset, Form, Label, TextInput } from '@trussworks/react-uswds';
import { FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { FormActions } from '../../components/form-actions';
import { FieldProblem } from '../../components/problem';
import { DocumentHashInput } from './document-hash-input';
import { LegalAction } from './legal.queries';

/** Where, when and under which docket number the action was filed, and its document's hash. */
export function Filing({ filing }: { filing: NonNullable<LegalAction['filing']> }) {
  return (
    <>
      <h2>Filing</h2>
      <dl>
        <dt>Filed on</dt>
        <dd>{filing.filedOn}</dd>
        <dt>Docket number</dt>
        <dd>{filing.docketNumber}</dd>
        <dt>Document SHA-256</dt>
        <dd className="font-mono-2xs" style={{ overflowWrap: 'anywhere' }}>
          {filing.documentSha256}
        </dd>
        {filing.documentUri && (
          <>
            <dt>Document</dt>
            <dd>
              <a href={filing.documentUri}>{filing.documentUri}</a>
            </dd>
          </>
        )}
      </dl>
    </>
  );
}

/** The lead files the action, which freezes the signatories. */
export function FileAction({ action }: { action: LegalAction }) {
  const [hash, setHash] = useState<string>();
  const file = useCommand((body: { filedOn: string; docketNumber: string; documentSha256: string; documentUri?: string }) =>
    unwrap(api.POST('/api/v1/legal-actions/{id}/filings', { params: { path: { id: action.id } }, body })),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!hash) return;
    const data = new FormData(event.currentTarget);
    file.mutate({
      filedOn: String(data.get('filedOn')),
      docketNumber: String(data.get('docketNumber')),
      documentSha256: hash,
      ...(data.get('documentUri') ? { documentUri: String(data.get('documentUri')) } : {}),
    });
  };
  return (
    <>
      <h2>File the action</h2>
      <p>Filing freezes the signatories.</p>
      <Form onSubmit={submit} large>
        <Fieldset legend="Filing" legendStyle="srOnly">
          <Label htmlFor="filedOn">Filed on</Label>
          <input className="usa-input" id="filedOn" name="filedOn" type="date" required aria-describedby="filedOn-problem" />
          <FieldProblem error={file.error} field="filedOn" id="filedOn-problem" />
          <Label htmlFor="docketNumber">Docket number</Label>
          <TextInput id="docketNumber" name="docketNumber" type="text" required aria-describedby="docketNumber-problem" />
          <FieldProblem error={file.error} field="docketNumber" id="docketNumber-problem" />
          <DocumentHashInput id="filing-document" label="Filed document" required onHash={setHash} />
          <FieldProblem error={file.error} field="documentSha256" id="documentSha256-problem" />
          <Label htmlFor="documentUri" hint=" (optional)">
            Public address of the document
          </Label>
          <TextInput id="documentUri" name="documentUri" type="url" aria-describedby="documentUri-problem" />
          <FieldProblem error={file.error} field="documentUri" id="documentUri-problem" />
        </Fieldset>
        <FormActions command={file} problem="Could not file the action" disabled={!hash}>
          File the action
        </FormActions>
      </Form>
    </>
  );
}
