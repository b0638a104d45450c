import { Alert, Button, Checkbox, Fieldset, Form, Label, Select, Tag, TextInput } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { DateTime } from '../../components/date-time';
import { FormActions } from '../../components/form-actions';
import { PagedTable } from '../../components/paged-table';
import { PageTitle } from '../../components/page-title';
import { ActionProblem, FieldProblem } from '../../components/problem';
import { QueryState } from '../../components/query-state';
import { AdminNav } from './admin-nav';
import { ApiKey, apiKeysQuery, Scope, SCOPES } from './admin.queries';
import { StateOptions } from './state-options';

export default function ApiKeysPage() {
  const keys = useQuery(apiKeysQuery());
  return (
    <>
      <PageTitle title="API keys">API keys</PageTitle>
      <AdminNav />
      <IssueKey />
      <h2>Keys</h2>
      <QueryState query={keys} what="the API keys">
        {(rows) => (
          <PagedTable
            caption="API keys (the keys themselves are never shown again)"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No API key has been issued."
            columns={[
              { header: 'Name', cell: (row) => row.name },
              { header: 'State', cell: (row) => row.stateCode },
              { header: 'Scopes', cell: (row) => row.scopes.join(', ') },
              { header: 'Issued', cell: (row) => <DateTime value={row.createdAt} /> },
              { header: 'Expires', cell: (row) => (row.expiresAt ? <DateTime value={row.expiresAt} /> : 'never') },
              {
                header: 'Status',
                cell: (row) =>
                  row.revokedAt ? (
                    <>
                      <Tag className="bg-base-dark">revoked</Tag> <DateTime value={row.revokedAt} />
                    </>
                  ) : (
                    <RevokeKey apiKey={row} />
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}

function RevokeKey({ apiKey }: { apiKey: ApiKey }) {
  const revoke = useCommand(() => unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: apiKey.id } } })));
  return (
    <>
      <Tag className="bg-green">active</Tag>{' '}
      <Button type="button" outline secondary disabled={revoke.isPending} onClick={() => revoke.mutate(undefined)}>
        Revoke<span className="usa-sr-only"> {apiKey.name}</span>
      </Button>
      <ActionProblem error={revoke.error} heading={`Could not revoke ${apiKey.name}`} />
    </>
  );
}

type IssueKeyBody = { name: string; stateCode: string; scopes: Scope[]; expiresAt?: string };

function issueKeyBody(data: FormData): IssueKeyBody {
  const expires = String(data.get('expiresAt') ?? '');
  return {
    name: String(data.get('keyName')).trim(),
    stateCode: String(data.get('keyState')),
    scopes: data.getAll('scopes').map(String) as Scope[],
    ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}),
  };
}

/** Copies the key and says, in words, whether the browser let it. */
async function copyKey(key: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(key);
    return 'Copied to the clipboard.';
  } catch {
    return 'The browser did not allow copying: select the key and copy it yourself.';
  }
}

/** Issues a key and shows it once, with a button that copies it. */
function IssueKey() {
  const [formKey, setFormKey] = useState(0);
  const [issued, setIssued] = useState<{ name: string; key?: string }>();
  const [copied, setCopied] = useState<string>();
  const issue = useCommand((body: IssueKeyBody) => unwrap(api.POST('/api/v1/api-keys', { body })));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = issueKeyBody(new FormData(event.currentTarget));
    setCopied(undefined);
    issue.mutate(body, {
      onSuccess: (answer) => {
        setIssued({ name: body.name, key: answer.key });
        setFormKey((current) => current + 1);
      },
    });
  };

  return (
    <>
      {issued && <IssuedKey issued={issued} copied={copied} onCopy={(key) => void copyKey(key).then(setCopied)} />}
      <Form key={formKey} onSubmit={submit} large>
        <IssueKeyFields error={issue.error} />
        <FormActions command={issue} problem="Could not issue the key">
          Issue the key
        </FormActions>
      </Form>
    </>
  );
}

function IssuedKey({ issued, copied, onCopy }: { issued: { name: string; key?: string }; copied?: string; onCopy: (key: string) => void }) {
  return (
    <Alert type="warning" headingLevel="h2" heading={`The key for ${issued.name}`} className="margin-bottom-2">
      {issued.key ? (
        <>
          <p>Copy it now: it is shown only this once. Anyone holding it acts for its state with its scopes.</p>
          <p>
            <code id="issued-key" className="font-mono-xs" style={{ overflowWrap: 'anywhere' }}>
              {issued.key}
            </code>
          </p>
          <Button type="button" onClick={() => onCopy(issued.key ?? '')} aria-describedby="issued-key">
            Copy the key
          </Button>
          <span aria-live="polite" className="margin-left-1">
            {copied}
          </span>
        </>
      ) : (
        <p>The key was issued before; it is not shown again.</p>
      )}
    </Alert>
  );
}

function IssueKeyFields({ error }: { error: unknown }) {
  return (
    <Fieldset legend="Issue a key">
      <Label htmlFor="keyName">Name</Label>
      <span className="usa-hint" id="keyName-hint">
        Who or what uses it, for example WA emergency operations center
      </span>
      <TextInput id="keyName" name="keyName" type="text" required aria-describedby="keyName-hint" />
      <FieldProblem error={error} field="name" id="keyName-problem" />
      <Label htmlFor="keyState">State it acts for</Label>
      <Select id="keyState" name="keyState" required>
        <StateOptions />
      </Select>
      <Fieldset legend="Scopes">
        {SCOPES.map((scope) => (
          <Checkbox key={scope.value} id={`scope-${scope.value}`} name="scopes" value={scope.value} label={`${scope.value}: ${scope.label}`} />
        ))}
      </Fieldset>
      <FieldProblem error={error} field="scopes" id="scopes-problem" />
      <Label htmlFor="expiresAt" hint=" (optional, your time zone)">
        Expires
      </Label>
      <input className="usa-input" id="expiresAt" name="expiresAt" type="datetime-local" />
    </Fieldset>
  );
}
