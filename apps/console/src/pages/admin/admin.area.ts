import { lazy } from 'react';
import type { PageArea } from '../area';

export const adminArea: PageArea = {
  label: 'Administration',
  href: '/admin',
  roles: ['admin'],
  routes: [
    { path: 'admin', page: lazy(() => import('./admin-page')) },
    { path: 'admin/states', page: lazy(() => import('./states-page')) },
    { path: 'admin/users', page: lazy(() => import('./users-page')) },
    { path: 'admin/api-keys', page: lazy(() => import('./api-keys-page')) },
    { path: 'admin/webhooks', page: lazy(() => import('./webhooks-page')) },
    { path: 'admin/webhooks/:id', page: lazy(() => import('./webhook-page')) },
  ],
};
