import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { positions } from '../../api/positions';

// Every read passes the tab's last write position (read your writes); keys name what they read.
export const compactsQuery = () =>
  queryOptions({ queryKey: ['compacts'], queryFn: () => unwrap(api.GET('/api/v1/compacts', { params: { query: positions.query() } })) });

export const compactQuery = (id: string, asOf?: string) =>
  queryOptions({
    queryKey: ['compact', id, asOf ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/compacts/{id}', { params: { path: { id }, query: { ...positions.query(), ...(asOf ? { asOf } : {}) } } })),
  });

export const proposalsQuery = (compactId: string) =>
  queryOptions({
    queryKey: ['compact', compactId, 'proposals'],
    queryFn: () => unwrap(api.GET('/api/v1/compacts/{id}/proposals', { params: { path: { id: compactId }, query: positions.query() } })),
  });

export const proposalQuery = (id: string) =>
  queryOptions({ queryKey: ['proposal', id], queryFn: () => unwrap(api.GET('/api/v1/proposals/{id}', { params: { path: { id }, query: positions.query() } })) });

export const statesQuery = () =>
  queryOptions({ queryKey: ['states'], queryFn: () => unwrap(api.GET('/api/v1/states', { params: { query: positions.query() } })), staleTime: 60_000 });

export const resourcesQuery = (compactId: string) =>
  queryOptions({
    queryKey: ['compact', compactId, 'resources'],
    queryFn: () => unwrap(api.GET('/api/v1/compacts/{id}/resources', { params: { path: { id: compactId }, query: positions.query() } })),
  });

export const pledgesQuery = (compactId: string) =>
  queryOptions({
    queryKey: ['compact', compactId, 'pledges'],
    queryFn: () => unwrap(api.GET('/api/v1/compacts/{id}/pledges', { params: { path: { id: compactId }, query: positions.query() } })),
  });

export const requestsQuery = (compactId: string) =>
  queryOptions({
    queryKey: ['compact', compactId, 'requests'],
    queryFn: () => unwrap(api.GET('/api/v1/compacts/{id}/requests', { params: { path: { id: compactId }, query: positions.query() } })),
  });

export const offerQuery = (id: string) =>
  queryOptions({ queryKey: ['offer', id], queryFn: () => unwrap(api.GET('/api/v1/offers/{id}', { params: { path: { id }, query: positions.query() } })) });
