import { Alert, Button } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { DateTime } from '../../components/date-time';
import { PagedTable } from '../../components/paged-table';
import { PageTitle } from '../../components/page-title';
import { ActionProblem } from '../../components/problem';
import { QueryState } from '../../components/query-state';
import { AdminNav } from './admin-nav';
import { deliveriesQuery, Webhook, webhookQuery } from './admin.queries';
import { WebhookStatus } from './webhooks-page';

/** One webhook: its state, the log of its deliveries, re-enable once disabled, delete. */
export default function WebhookPage() {
  const { id = '' } = useParams();
  const webhook = useQuery(webhookQuery(id));
  return (
    <>
      <PageTitle title="Webhook">Webhook</PageTitle>
      <AdminNav />
      <QueryState query={webhook} what="the webhook">
        {(data) => <WebhookView webhook={data} />}
      </QueryState>
    </>
  );
}

function WebhookView({ webhook }: { webhook: Webhook }) {
  const navigate = useNavigate();
  const deliveries = useQuery(deliveriesQuery(webhook.id));
  const enable = useCommand(() => unwrap(api.POST('/api/v1/webhooks/{id}/enable', { params: { path: { id: webhook.id } } })));
  const remove = useCommand(() => unwrap(api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } } })));
  return (
    <>
      <p className="font-mono-xs" style={{ overflowWrap: 'anywhere' }}>
        {webhook.url}
      </p>
      <p>
        <WebhookStatus webhook={webhook} /> Events: {webhook.eventTypes.join(', ')}. Owner {webhook.ownerId}
        {webhook.stateCode ? ` (${webhook.stateCode})` : ''}. Delivered up to position {webhook.delivery.position}
        {webhook.delivery.failedAttempts > 0 ? `; ${webhook.delivery.failedAttempts} failed attempts at the next event` : ''}
        {webhook.delivery.nextAttemptAt ? (
          <>
            ; next attempt <DateTime value={webhook.delivery.nextAttemptAt} />
          </>
        ) : null}
        .
      </p>
      {webhook.status === 'disabled' && (
        <Alert type="warning" headingLevel="h2" heading="Deliveries are stopped">
          {webhook.disabledReason ?? 'The webhook was disabled.'} Re-enabling resumes from the first event not delivered.
          <div className="margin-top-1">
            <Button type="button" disabled={enable.isPending} onClick={() => enable.mutate(undefined)}>
              Re-enable the webhook
            </Button>
          </div>
        </Alert>
      )}
      <ActionProblem error={enable.error} heading="Could not re-enable the webhook" />
      <h2>Deliveries</h2>
      <QueryState query={deliveries} what="the deliveries">
        {(rows) => (
          <PagedTable
            caption="Delivery attempts"
            rows={rows}
            rowKey={(row) => `${row.eventId}-${row.attempt}`}
            empty="Nothing has been delivered yet."
            columns={[
              { header: 'When', cell: (row) => <DateTime value={row.at} /> },
              { header: 'Position', cell: (row) => row.position },
              { header: 'Attempt', cell: (row) => row.attempt },
              { header: 'Result', cell: (row) => row.status },
              { header: 'Answer', cell: (row) => (row.responseStatus === null ? `no answer${row.error ? `: ${row.error}` : ''}` : `HTTP ${row.responseStatus}`) },
              { header: 'Took', cell: (row) => `${row.durationMs} ms` },
            ]}
          />
        )}
      </QueryState>
      <h2>Delete</h2>
      <Button type="button" secondary disabled={remove.isPending} onClick={() => remove.mutate(undefined, { onSuccess: () => navigate('/admin/webhooks') })}>
        Delete the webhook
      </Button>
      <ActionProblem error={remove.error} heading="Could not delete the webhook" />
    </>
  );
}
