import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { components } from '@coalition/api-client';
import { api, unwrap } from '../../api/client';
import { positions } from '../../api/positions';

export type AuditEvent = components['schemas']['AuditEvent'];

/** The filters GET /audit/events and GET /audit/export share. */
export interface AuditFilters {
  streamId?: string;
  type?: string;
  stateCode?: string;
  actorId?: string;
  from?: string;
  to?: string;
}
export const FILTER_NAMES = ['streamId', 'type', 'stateCode', 'actorId', 'from', 'to'] as const;

export const auditEventsQuery = (filters: AuditFilters, after: number, limit: number) =>
  queryOptions({
    queryKey: ['audit', 'events', filters, after, limit],
    queryFn: () => unwrap(api.GET('/api/v1/audit/events', { params: { query: { ...positions.query(), ...filters, after, limit } } })),
    placeholderData: keepPreviousData,
  });

export const auditStreamQuery = (streamId: string, after: number, limit: number) =>
  queryOptions({
    queryKey: ['audit', 'stream', streamId, after, limit],
    queryFn: () => unwrap(api.GET('/api/v1/audit/streams/{streamId}', { params: { path: { streamId }, query: { ...positions.query(), after, limit } } })),
    placeholderData: keepPreviousData,
  });

export const decisionRecordQuery = (proposalId: string) =>
  queryOptions({
    queryKey: ['audit', 'decision', proposalId],
    queryFn: () => unwrap(api.GET('/api/v1/audit/decisions/{proposalId}', { params: { path: { proposalId }, query: positions.query() } })),
  });

/** Downloads the export of the filtered log as a file, with the name the api gives it. */
export async function downloadExport(filters: AuditFilters, format: 'ndjson' | 'csv'): Promise<string> {
  const blob = await unwrap(api.GET('/api/v1/audit/export', { params: { query: { ...filters, format } }, parseAs: 'blob' }));
  const name = `coalition-audit-${new Date().toISOString().replace(/[:.]/g, '-')}.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** The first characters of a hash, enough to tell two apart; the whole hash is in the title. */
export const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;
