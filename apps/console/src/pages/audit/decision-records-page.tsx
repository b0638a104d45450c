import { Button, Form, Label, TextInput } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DateTime } from '../../components/date-time';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { KeysetPager } from './audit-events-table';
import { auditEventsQuery } from './audit.queries';

const LIMIT = 25;

/** Every proposal ever opened, from the log itself, each leading to its decision record. */
export default function DecisionRecordsPage() {
  const navigate = useNavigate();
  const [afters, setAfters] = useState<number[]>([0]);
  const opened = useQuery(auditEventsQuery({ type: 'ProposalOpened' }, afters[afters.length - 1], LIMIT));

  const open = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = String(new FormData(event.currentTarget).get('proposalId')).trim();
    if (id) navigate(`/audit/decisions/${encodeURIComponent(id)}`);
  };

  return (
    <>
      <PageTitle title="Decision records">Decision records</PageTitle>
      <Form onSubmit={open}>
        <Label htmlFor="proposalId">Proposal id</Label>
        <TextInput id="proposalId" name="proposalId" type="text" required />
        <Button type="submit">Open the decision record</Button>
      </Form>
      <h2>Proposals in the log</h2>
      <QueryState query={opened} what="the proposals">
        {(page) =>
          page.events.length === 0 ? (
            <p className="text-base">No proposal has been opened yet.</p>
          ) : (
            <>
              <ul className="usa-list">
                {page.events.map((event) => (
                  <li key={event.position}>
                    <Link to={`/audit/decisions/${String(event.data.proposalId)}`}>{String(event.data.title)}</Link> ({String(event.data.kind)}, opened{' '}
                    <DateTime value={event.recordedAt} />)
                  </li>
                ))}
              </ul>
              <KeysetPager
                label="Proposals"
                canGoBack={afters.length > 1}
                canGoForward={page.events.length === LIMIT}
                onBack={() => setAfters(afters.slice(0, -1))}
                onForward={() => setAfters([...afters, page.nextAfter])}
              />
            </>
          )
        }
      </QueryState>
    </>
  );
}
