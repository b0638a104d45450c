import { Alert, Button } from '@trussworks/react-uswds';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { positions } from '../../api/positions';
import { PageTitle } from '../../components/page-title';
import { ActionProblem } from '../../components/problem';

/** Recomputes the whole hash chain on the server and says, in words, whether it holds and where it breaks. */
export default function VerifyChainPage() {
  const verify = useMutation({ mutationFn: () => unwrap(api.GET('/api/v1/audit/verify', { params: { query: positions.query() } })) });
  const result = verify.data;
  return (
    <>
      <PageTitle title="Verify the audit chain">Verify the audit chain</PageTitle>
      <p>
        Every event carries the SHA-256 of the one before it and of itself. Verifying recomputes every hash from the stored events, from the first to the
        last; a change to any stored event breaks the chain from that position on.
      </p>
      <Button type="button" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {verify.isPending ? 'Verifying…' : 'Verify the chain'}
      </Button>
      <div aria-live="polite">
        {result?.ok === true && (
          <Alert type="success" headingLevel="h2" heading="The chain is intact" className="margin-top-2">
            {result.checkedEvents} events checked. Head at position {result.headPosition}, hash{' '}
            <span className="font-mono-2xs" style={{ overflowWrap: 'anywhere' }}>
              {result.headHash}
            </span>
            .
          </Alert>
        )}
        {result?.ok === false && (
          <Alert type="error" headingLevel="h2" heading={`The chain is broken at position ${result.firstInvalidPosition}`} className="margin-top-2">
            {result.reason}. {result.checkedEvents} events checked.{' '}
            <Link to={`/audit?after=${Math.max(0, result.firstInvalidPosition - 1)}&limit=25`}>See the events from position {result.firstInvalidPosition}</Link>.
          </Alert>
        )}
      </div>
      <ActionProblem error={verify.error} heading="Could not verify the chain" />
    </>
  );
}
