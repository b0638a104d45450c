import { Alert, Button } from '@trussworks/react-uswds';
import { useState } from 'react';
import { describeError } from '../../api/problem';
import { AuditFilters, downloadExport } from './audit.queries';

/** Downloads every event that matches the filters (not only the page shown), as NDJSON or CSV. */
export function AuditExport({ filters }: { filters: AuditFilters }) {
  const [exported, setExported] = useState<{ name?: string; error?: string; busy?: boolean }>({});
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
    </>
  );
}
