import { queryOptions } from '@tanstack/react-query';
import type { components } from '@coalition/api-client';
import { api, unwrap } from '../../api/client';
import { positions } from '../../api/positions';

export type LegalAction = components['schemas']['LegalAction'];

// Every read passes the tab's last write position (read your writes).
export const legalActionsQuery = () =>
  queryOptions({ queryKey: ['legal-actions'], queryFn: () => unwrap(api.GET('/api/v1/legal-actions', { params: { query: positions.query() } })) });

export const legalActionQuery = (id: string) =>
  queryOptions({
    queryKey: ['legal-action', id],
    queryFn: () => unwrap(api.GET('/api/v1/legal-actions/{id}', { params: { path: { id }, query: positions.query() } })),
  });

export const KIND_LABELS: Record<LegalAction['kind'], string> = {
  lawsuit: 'Lawsuit',
  'amicus-brief': 'Amicus brief',
  'comment-letter': 'Comment letter',
  petition: 'Petition',
};

export const STATUS_LABELS: Record<LegalAction['status'], string> = { open: 'Open for sign-on', filed: 'Filed', closed: 'Closed' };

export const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
