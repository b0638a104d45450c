import { once } from 'node:events';
import { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { canonicalBytes, credentialFields, EventFilter, EventStore, StoredEvent } from '@coalition/event-store';
import { leafHash } from '@coalition/transparency-log';
import { AuditEvent, toAuditEvent } from './audit-event';

export type AuditExportFormat = 'ndjson' | 'csv' | 'leaves';

export const AUDIT_EXPORT_CONTENT_TYPES: Record<AuditExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  leaves: 'application/x-ndjson; charset=utf-8',
};

/**
 * One line of the `leaves` export: the event's canonical bytes exactly as the tree hashes them
 * (so a reader of the file reads what was hashed, and a verifier hashes the line as it is), or,
 * for an event holding credentials, only its leaf hash and position.
 */
export function leafLine(event: StoredEvent): Buffer {
  const bytes = canonicalBytes(event);
  const redacted = credentialFields(event);
  if (redacted.length === 0) return Buffer.concat([bytes, NEWLINE]);
  return Buffer.from(`${JSON.stringify({ leafHash: leafHash(bytes).toString('base64'), position: event.position, redactedFields: redacted })}\n`);
}
const NEWLINE = Buffer.from('\n');

/** CSV columns: the audit event flattened; `data` and `actorRoles` stay JSON so nothing is lost. */
const CSV_COLUMNS: [string, (e: AuditEvent) => string | number | null][] = [
  ['position', (e) => e.position],
  ['eventId', (e) => e.eventId],
  ['streamId', (e) => e.streamId],
  ['streamType', (e) => e.streamType],
  ['version', (e) => e.version],
  ['type', (e) => e.type],
  ['schemaVersion', (e) => e.schemaVersion],
  ['recordedAt', (e) => e.recordedAt],
  ['actorId', (e) => e.metadata.actor.id],
  ['actorKind', (e) => e.metadata.actor.kind],
  ['actorStateCode', (e) => e.metadata.actor.stateCode],
  ['actorRoles', (e) => JSON.stringify(e.metadata.actor.roles)],
  ['commandId', (e) => e.metadata.commandId],
  ['correlationId', (e) => e.metadata.correlationId],
  ['causationId', (e) => e.metadata.causationId],
  ['data', (e) => JSON.stringify(e.data)],
  ['redactedFields', (e) => (e.redactedFields ?? []).join(';')],
  ['prevHash', (e) => e.prevHash],
  ['hash', (e) => e.hash],
];

export interface AuditExportRequest {
  format: AuditExportFormat;
  after?: number;
  filter?: EventFilter;
  pageSize?: number;
  /** Called after each page with the events written so far (the CLI's progress bar). */
  onProgress?: (written: number) => void;
}

/**
 * Streams the matching events to `out`, one keyset page at a time, waiting for `out` to drain
 * whenever it asks to: memory stays flat however many events there are. Answers how many
 * events were written. Stops early (without error) when `out` is destroyed, e.g. the client
 * hung up.
 */
export async function writeAuditExport(store: EventStore, out: Writable, request: AuditExportRequest): Promise<number> {
  let written = 0;
  const write = async (chunk: string | Buffer) => {
    if (!out.write(chunk)) await drained(out);
  };
  if (request.format === 'csv') await write(stringify([CSV_COLUMNS.map(([name]) => name)]));
  const pageSize = request.pageSize ?? 1000;
  let cursor = request.after ?? 0;
  for (;;) {
    if (out.destroyed) return written;
    const page = await store.readAll(cursor, pageSize, request.filter);
    if (page.length === 0) break;
    const events = page.map(toAuditEvent);
    const chunk =
      request.format === 'leaves'
        ? Buffer.concat(page.map(leafLine))
        : request.format === 'csv'
          ? stringify(events.map((event) => CSV_COLUMNS.map(([, value]) => value(event))))
          : events.map((event) => `${JSON.stringify(event)}\n`).join('');
    await write(chunk);
    written += page.length;
    request.onProgress?.(written);
    cursor = page[page.length - 1].position;
    if (page.length < pageSize) break;
  }
  return written;
}

/** Waits until `out` can take more, or is gone; an 'error' on it rejects. */
async function drained(out: Writable): Promise<void> {
  const abort = new AbortController();
  try {
    await Promise.race([once(out, 'drain', { signal: abort.signal }), once(out, 'close', { signal: abort.signal })]);
  } finally {
    abort.abort();
  }
}
