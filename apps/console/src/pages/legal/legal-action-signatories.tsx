import { Button } from '@trussworks/react-uswds';
import { api, unwrap } from '../../api/client';
import { useCommand } from '../../api/use-command';
import { DateTime } from '../../components/date-time';
import { PagedTable } from '../../components/paged-table';
import { ActionProblem } from '../../components/problem';
import { LegalAction } from './legal.queries';

/** The states signed on, the lead marked. */
export function Signatories({ action }: { action: LegalAction }) {
  return (
    <>
      <h2>Signatories</h2>
      <PagedTable
        caption={`States signed on to ${action.title}`}
        rows={action.signatories}
        rowKey={(row) => row.stateCode}
        empty="No state has signed."
        columns={[
          { header: 'State', cell: (row) => `${row.stateCode}${row.stateCode === action.leadState ? ' (lead)' : ''}` },
          { header: 'Signed', cell: (row) => <DateTime value={row.signedAt} /> },
          { header: 'Signed by', cell: (row) => row.signedBy },
        ]}
      />
    </>
  );
}

/** Sign on, or withdraw the signature, for the counsel's state (never the lead's). */
export function SignOn({ action, state, signed, isLead, beforeDeadline }: { action: LegalAction; state: string; signed: boolean; isLead: boolean; beforeDeadline: boolean }) {
  const sign = useCommand(() => unwrap(api.POST('/api/v1/legal-actions/{id}/signatories', { params: { path: { id: action.id } }, body: {} })));
  const withdraw = useCommand(() =>
    unwrap(api.DELETE('/api/v1/legal-actions/{id}/signatories/{code}', { params: { path: { id: action.id, code: state } } })),
  );
  if (isLead) return null;
  return (
    <section aria-label="Your state's signature">
      {signed ? (
        <>
          <p>{state} has signed on.</p>
          <Button type="button" outline disabled={withdraw.isPending} onClick={() => withdraw.mutate(undefined)}>
            Withdraw {state}&rsquo;s signature
          </Button>
          <ActionProblem error={withdraw.error} heading="Could not withdraw the signature" />
        </>
      ) : beforeDeadline ? (
        <>
          <Button type="button" disabled={sign.isPending} onClick={() => sign.mutate(undefined)}>
            Sign on for {state}
          </Button>
          <ActionProblem error={sign.error} heading="Could not sign on" />
        </>
      ) : (
        <p>The sign-on deadline has passed.</p>
      )}
    </section>
  );
}
