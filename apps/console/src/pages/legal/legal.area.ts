import { lazy } from 'react';
import type { PageArea } from '../area';

/** Joint legal responses: the api lets only counsel, auditors and admins read them, so only they see the menu. */
export const legalArea: PageArea = {
  label: 'Legal actions',
  href: '/legal-actions',
  roles: ['counsel', 'auditor', 'admin'],
  routes: [
    { path: 'legal-actions', page: lazy(() => import('./legal-actions-page')) },
    { path: 'legal-actions/new', page: lazy(() => import('./open-legal-action-page')) },
    { path: 'legal-actions/:id', page: lazy(() => import('./legal-action-page')) },
  ],
};
