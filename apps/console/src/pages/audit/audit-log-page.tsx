import { Alert, Button, Fieldset, Form, Grid, Label, Select, TextInput } from '@trussworks/react-uswds';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../api/problem';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { AuditEventsTable, KeysetPager } from './audit-events-table';
import { AuditFilters, auditEventsQuery, downloadExport, FILTER_NAMES } from './audit.queries';

const PAGE_SIZES = [25, 50, 100, 500];

// datetime-local is the reader's local time; the api wants instants, and the URL keeps them.
const toInstant = (local: string) => (local ? new Date(local).toISOString() : '');
const toLocal = (instant: string | null) => {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The audit log: every filter of GET /audit/events, keyset paging, and the export of what is filtered. */
export default function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const chosen: AuditFilters = {};
    for (const name of FILTER_NAMES) {
      const value = params.get(name);
      if (value) chosen[name] = value;
    }
    return chosen;
  }, [params]);
  const limit = Number(params.get('limit')) || PAGE_SIZES[0];
  const filterKey = JSON.stringify([filters, limit]);
  const [cursors, setCursors] = useState<{ key: string; afters: number[] }>({ key: filterKey, afters: [Number(params.get('after')) || 0] });
  const afters = cursors.key === filterKey ? cursors.afters : [0];
  const after = afters[afters.length - 1];
  const page = useQuery(auditEventsQuery(filters, after, limit));
  const [exported, setExported] = useState<{ name?: string; error?: string; busy?: boolean }>({});

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const raw = String(data.get(name) ?? '').trim();
      const value = name === 'from' || name === 'to' ? toInstant(raw) : raw;
      if (value) next.set(name, value);
    }
    next.set('limit', String(data.get('limit')));
    setParams(next);
  };

  const exportAs = async (format: 'ndjson' | 'csv') => {
    setExported({ busy: true });
    try {
      setExported({ name: await downloadExport(filters, format) });
    } catch (caught) {
      setExported({ error: describeError(caught) });
    }
  };

  return (
    <>
      <PageTitle title="Audit log">Audit log</PageTitle>
      <ul className="usa-button-group margin-bottom-2">
        <li className="usa-button-group__item">
          <Link className="usa-button usa-button--outline" to="/audit/verify">
            Verify the chain
          </Link>
        </li>
        <li className="usa-button-group__item">
          <Link className="usa-button usa-button--outline" to="/audit/decisions">
            Decision records
          </Link>
        </li>
      </ul>
      <Form onSubmit={apply} large className="maxw-full">
        <Fieldset legend="Filters">
          <Grid row gap>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="streamId">Aggregate (stream id)</Label>
              <TextInput id="streamId" name="streamId" type="text" defaultValue={filters.streamId} aria-describedby="streamId-hint" />
              <span className="usa-hint" id="streamId-hint">
                For example member-state-WA
              </span>
            </Grid>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="type">Event type</Label>
              <TextInput id="type" name="type" type="text" defaultValue={filters.type} aria-describedby="type-hint" />
              <span className="usa-hint" id="type-hint">
                For example VoteCast
              </span>
            </Grid>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="stateCode">State of the actor</Label>
              <TextInput id="stateCode" name="stateCode" type="text" defaultValue={filters.stateCode} maxLength={2} />
            </Grid>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="actorId">Actor (user or API key id, or system)</Label>
              <TextInput id="actorId" name="actorId" type="text" defaultValue={filters.actorId} />
            </Grid>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="from">Recorded from (your time zone)</Label>
              <input className="usa-input" id="from" name="from" type="datetime-local" defaultValue={toLocal(params.get('from'))} />
            </Grid>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="to">Recorded until (your time zone)</Label>
              <input className="usa-input" id="to" name="to" type="datetime-local" defaultValue={toLocal(params.get('to'))} />
            </Grid>
            <Grid tablet={{ col: 6 }}>
              <Label htmlFor="limit">Events per page</Label>
              <Select id="limit" name="limit" defaultValue={String(limit)}>
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </Select>
            </Grid>
          </Grid>
        </Fieldset>
        <Button type="submit">Apply filters</Button>
        <Button type="button" unstyled className="margin-left-2" onClick={() => setParams(new URLSearchParams())}>
          Clear filters
        </Button>
      </Form>

      <h2>Export</h2>
      <p>Downloads every event that matches the filters, not only this page.</p>
      <div className="usa-button-group">
        <Button type="button" outline disabled={exported.busy} onClick={() => void exportAs('ndjson')}>
          Download NDJSON
        </Button>
        <Button type="button" outline disabled={exported.busy} onClick={() => void exportAs('csv')}>
          Download CSV
        </Button>
      </div>
      <div aria-live="polite">
        {exported.name && <p>Downloaded {exported.name}.</p>}
        {exported.error && (
          <Alert type="error" headingLevel="h3" heading="Could not export" slim role="alert">
            {exported.error}
          </Alert>
        )}
      </div>

      <h2>Events</h2>
      <QueryState query={page} what="the audit log">
        {(data) => (
          <>
            <AuditEventsTable caption={`Events after position ${after}`} events={data.events} />
            <KeysetPager
              label="Audit log"
              canGoBack={afters.length > 1}
              canGoForward={data.events.length === limit}
              onBack={() => setCursors({ key: filterKey, afters: afters.slice(0, -1) })}
              onForward={() => setCursors({ key: filterKey, afters: [...afters, data.nextAfter] })}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
