import { Button } from '@trussworks/react-uswds';
import { Link } from 'react-router';
import { DateTime } from '../../components/date-time';
import { AuditEvent, shortHash } from './audit.queries';

/** Audit items as a table; each row has the anchor `#position-N` that decision records link to. */
export function AuditEventsTable({ caption, events, showStream = true }: { caption: string; events: AuditEvent[]; showStream?: boolean }) {
  if (events.length === 0) return <p className="text-base">No event matches.</p>;
  return (
    <table className="usa-table usa-table--borderless usa-table--stacked width-full">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Position</th>
          <th scope="col">Recorded</th>
          <th scope="col">Event</th>
          {showStream && <th scope="col">Aggregate</th>}
          <th scope="col">Actor</th>
          <th scope="col">Hash</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.position} id={`position-${event.position}`}>
            <td data-label="Position">{event.position}</td>
            <td data-label="Recorded">
              <DateTime value={event.recordedAt} />
            </td>
            <td data-label="Event">
              <details>
                <summary>
                  {event.type} (version {event.version})
                </summary>
                <pre className="font-mono-3xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {JSON.stringify(event.data, null, 2)}
                </pre>
                {event.redactedFields && event.redactedFields.length > 0 && <p>Withheld: {event.redactedFields.join(', ')}</p>}
                <p className="font-body-3xs">Correlation id {event.metadata.correlationId}</p>
              </details>
            </td>
            {showStream && (
              <td data-label="Aggregate">
                <Link to={`/audit/streams/${encodeURIComponent(event.streamId)}`}>{event.streamId}</Link>
              </td>
            )}
            <td data-label="Actor">
              {event.metadata.actor.id}
              {event.metadata.actor.stateCode ? ` (${event.metadata.actor.stateCode})` : ''}
            </td>
            <td data-label="Hash" className="font-mono-2xs">
              <abbr title={event.hash}>{shortHash(event.hash)}</abbr>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Keyset paging: forward with the page's nextAfter, back through the cursors already visited. */
export function KeysetPager({ label, canGoBack, canGoForward, onBack, onForward }: { label: string; canGoBack: boolean; canGoForward: boolean; onBack: () => void; onForward: () => void }) {
  if (!canGoBack && !canGoForward) return null;
  return (
    <nav aria-label={`${label}: pages`} className="display-flex flex-wrap">
      <Button type="button" outline disabled={!canGoBack} onClick={onBack}>
        Previous page
      </Button>
      <Button type="button" outline disabled={!canGoForward} onClick={onForward}>
        Next page
      </Button>
    </nav>
  );
}
