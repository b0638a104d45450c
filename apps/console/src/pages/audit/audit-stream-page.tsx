import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { AuditEventsTable, KeysetPager } from './audit-events-table';
import { auditStreamQuery } from './audit.queries';

const LIMIT = 100;

/** One aggregate's history, in version order: the id may be a stream id or any id the api hands out. */
export default function AuditStreamPage() {
  const { streamId = '' } = useParams();
  const location = useLocation();
  const [afters, setAfters] = useState<number[]>([0]);
  const history = useQuery(auditStreamQuery(streamId, afters[afters.length - 1], LIMIT));

  // A link to #position-N (from a decision record) scrolls to and highlights that event once it is shown.
  useEffect(() => {
    if (!history.data || !location.hash) return;
    const row = document.getElementById(location.hash.slice(1));
    if (row) {
      row.classList.add('bg-accent-warm-lighter');
      row.scrollIntoView({ block: 'center' });
    }
  }, [history.data, location.hash]);

  return (
    <>
      <PageTitle title={`History of ${streamId}`}>History of {streamId}</PageTitle>
      <p>
        <Link to={`/audit?streamId=${encodeURIComponent(history.data?.events[0]?.streamId ?? streamId)}`}>Filter the audit log by this aggregate</Link>
      </p>
      <QueryState query={history} what="the history">
        {(data) => (
          <>
            <AuditEventsTable caption={`Events of ${streamId}, in version order`} events={data.events} showStream={false} />
            <KeysetPager
              label="History"
              canGoBack={afters.length > 1}
              canGoForward={data.events.length === LIMIT}
              onBack={() => setAfters(afters.slice(0, -1))}
              onForward={() => setAfters([...afters, data.nextAfter])}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
