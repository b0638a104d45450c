import { lazy } from 'react';
import type { PageArea } from '../area';

export const auditArea: PageArea = {
  label: 'Audit',
  href: '/audit',
  roles: ['auditor', 'admin'],
  routes: [
    { path: 'audit', page: lazy(() => import('./audit-log-page')) },
    { path: 'audit/verify', page: lazy(() => import('./verify-chain-page')) },
    { path: 'audit/streams/:streamId', page: lazy(() => import('./audit-stream-page')) },
    { path: 'audit/decisions', page: lazy(() => import('./decision-records-page')) },
    { path: 'audit/decisions/:proposalId', page: lazy(() => import('./decision-record-page')) },
  ],
};
