import { Fieldset, Form, Label, Tag, TextInput } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { DateTime } from '../../components/date-time';
import { FormActions } from '../../components/form-actions';
import { PagedTable } from '../../components/paged-table';
import { PageTitle } from '../../components/page-title';
import { FieldProblem } from '../../components/problem';
import { QueryState } from '../../components/query-state';
import { AdminNav } from './admin-nav';
import { Webhook, webhooksQuery } from './admin.queries';

export function WebhookStatus({ webhook }: { webhook: Webhook }) {
  return webhook.status === 'active' ? <Tag className="bg-green">active</Tag> : <Tag className="bg-secondary-dark">disabled</Tag>;
}

export default function WebhooksPage() {
  const webhooks = useQuery(webhooksQuery());
  return (
    <>
      <PageTitle title="Webhooks">Webhooks</PageTitle>
      <AdminNav />
      <QueryState query={webhooks} what="the webhooks">
        {(rows) => (
          <PagedTable
            caption="Webhooks"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No webhook is registered."
            columns={[
              { header: 'Address', cell: (row) => <Link to={`/admin/webhooks/${row.id}`}>{row.url}</Link> },
              { header: 'Events', cell: (row) => row.eventTypes.join(', ') },
              { header: 'Owner', cell: (row) => `${row.ownerId}${row.stateCode ? ` (${row.stateCode})` : ''}` },
              { header: 'Registered', cell: (row) => <DateTime value={row.createdAt} /> },
              { header: 'Status', cell: (row) => <WebhookStatus webhook={row} /> },
            ]}
          />
        )}
      </QueryState>
      <RegisterWebhook />
    </>
  );
}

function RegisterWebhook() {
  const [formKey, setFormKey] = useState(0);
  const register = useCommand((body: { url: string; eventTypes: string[]; secret: string }) => unwrap(api.POST('/api/v1/webhooks', { body })));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const types = String(data.get('eventTypes'))
      .split(/[\s,]+/)
      .filter(Boolean);
    register.mutate(
      { url: String(data.get('url')).trim(), eventTypes: types.length > 0 ? types : ['*'], secret: String(data.get('secret')) },
      { onSuccess: () => setFormKey((key) => key + 1) },
    );
  };
  return (
    <Form key={formKey} onSubmit={submit} large>
      <Fieldset legend="Register a webhook">
        <Label htmlFor="url">Address</Label>
        <TextInput id="url" name="url" type="url" required aria-describedby="url-problem" />
        <FieldProblem error={register.error} field="url" id="url-problem" />
        <Label htmlFor="eventTypes">Event types</Label>
        <span className="usa-hint" id="eventTypes-hint">
          Separated by commas, for example VoteCast, OfferAccepted; * or empty for every event the owner may read
        </span>
        <TextInput id="eventTypes" name="eventTypes" type="text" defaultValue="*" aria-describedby="eventTypes-hint" />
        <FieldProblem error={register.error} field="eventTypes" id="eventTypes-problem" />
        <Label htmlFor="secret">Signing secret</Label>
        <span className="usa-hint" id="secret-hint">
          At least 16 characters; every delivery is signed with it, and it is never shown again
        </span>
        <TextInput id="secret" name="secret" type="password" required minLength={16} autoComplete="off" aria-describedby="secret-hint" />
        <FieldProblem error={register.error} field="secret" id="secret-problem" />
      </Fieldset>
      <FormActions command={register} problem="Could not register the webhook">
        Register the webhook
      </FormActions>
    </Form>
  );
}
