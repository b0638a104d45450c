import { queryOptions } from '@tanstack/react-query';
import type { components } from '@coalition/api-client';
import { api, unwrap } from '../../api/client';
import { positions } from '../../api/positions';

export type User = components['schemas']['User'];
export type Role = User['roles'][number];
export type ApiKey = components['schemas']['ApiKey'];
export type Scope = ApiKey['scopes'][number];
export type Webhook = components['schemas']['Webhook'];

export const ROLES: { value: Role; label: string }[] = [
  { value: 'coordinator', label: 'Coordinator' },
  { value: 'counsel', label: 'Counsel' },
  { value: 'auditor', label: 'Auditor' },
  { value: 'admin', label: 'Administrator' },
];

export const SCOPES: { value: Scope; label: string }[] = [
  { value: 'read', label: 'Read what a coordinator of the state may read' },
  { value: 'resources:write', label: 'Pledges, requests, offers and reimbursements for the state' },
  { value: 'legal:read', label: 'Read legal actions' },
];

// Every read passes the tab's last write position (read your writes).
export const usersQuery = () => queryOptions({ queryKey: ['users'], queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: positions.query() } })) });

export const apiKeysQuery = () =>
  queryOptions({ queryKey: ['api-keys'], queryFn: () => unwrap(api.GET('/api/v1/api-keys', { params: { query: positions.query() } })) });

export const webhooksQuery = () =>
  queryOptions({ queryKey: ['webhooks'], queryFn: () => unwrap(api.GET('/api/v1/webhooks', { params: { query: positions.query() } })) });

export const webhookQuery = (id: string) =>
  queryOptions({
    queryKey: ['webhook', id],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/{id}', { params: { path: { id }, query: positions.query() } })),
    // Deliveries and their failures are the worker's doing, not events in the feed: poll while the page is open.
    refetchInterval: 2_000,
  });

export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: ['webhook', id, 'deliveries'],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id }, query: { ...positions.query(), limit: 500 } } })),
    refetchInterval: 2_000,
  });

export const statesQuery = () =>
  queryOptions({ queryKey: ['states'], queryFn: () => unwrap(api.GET('/api/v1/states', { params: { query: positions.query() } })) });
