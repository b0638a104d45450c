import { Button, Fieldset, Form, Grid, Label, Select, TextInput } from '@trussworks/react-uswds';
import { FormEvent } from 'react';
import { AuditFilters, FILTER_NAMES } from './audit.queries';

export const PAGE_SIZES = [25, 50, 100, 500];

// datetime-local is the reader's local time; the api wants instants, and the URL keeps them.
const toInstant = (local: string) => (local ? new Date(local).toISOString() : '');
const toLocal = (instant: string | undefined) => {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The form's fields as the URL's search parameters (instants for the two times). */
function paramsOf(form: HTMLFormElement): URLSearchParams {
  const data = new FormData(form);
  const next = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const raw = String(data.get(name) ?? '').trim();
    const value = name === 'from' || name === 'to' ? toInstant(raw) : raw;
    if (value) next.set(name, value);
  }
  next.set('limit', String(data.get('limit')));
  return next;
}

function TextFilter({ name, label, hint, defaultValue, maxLength }: { name: string; label: string; hint?: string; defaultValue?: string; maxLength?: number }) {
  return (
    <Grid tablet={{ col: 6 }}>
      <Label htmlFor={name}>{label}</Label>
      <TextInput id={name} name={name} type="text" defaultValue={defaultValue} maxLength={maxLength} aria-describedby={hint ? `${name}-hint` : undefined} />
      {hint && (
        <span className="usa-hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
    </Grid>
  );
}

function TimeFilter({ name, label, defaultValue }: { name: 'from' | 'to'; label: string; defaultValue?: string }) {
  return (
    <Grid tablet={{ col: 6 }}>
      <Label htmlFor={name}>{label}</Label>
      <input className="usa-input" id={name} name={name} type="datetime-local" defaultValue={toLocal(defaultValue)} />
    </Grid>
  );
}

/** Every filter of GET /audit/events; applying or clearing them replaces the URL's search parameters. */
export function AuditFiltersForm({ filters, limit, onApply }: { filters: AuditFilters; limit: number; onApply: (params: URLSearchParams) => void }) {
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(paramsOf(event.currentTarget));
  };
  return (
    <Form onSubmit={apply} large className="maxw-full">
      <Fieldset legend="Filters">
        <Grid row gap>
          <TextFilter name="streamId" label="Aggregate (stream id)" hint="For example member-state-WA" defaultValue={filters.streamId} />
          <TextFilter name="type" label="Event type" hint="For example VoteCast" defaultValue={filters.type} />
          <TextFilter name="stateCode" label="State of the actor" defaultValue={filters.stateCode} maxLength={2} />
          <TextFilter name="actorId" label="Actor (user or API key id, or system)" defaultValue={filters.actorId} />
          <TimeFilter name="from" label="Recorded from (your time zone)" defaultValue={filters.from} />
          <TimeFilter name="to" label="Recorded until (your time zone)" defaultValue={filters.to} />
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
      <Button type="button" unstyled className="margin-left-2" onClick={() => onApply(new URLSearchParams())}>
        Clear filters
      </Button>
    </Form>
  );
}
