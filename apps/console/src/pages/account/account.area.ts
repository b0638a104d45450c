import { lazy } from 'react';
import type { PageArea } from '../area';

export const accountArea: PageArea = {
  label: 'My account',
  href: '/account',
  roles: ['coordinator', 'counsel', 'auditor', 'admin'],
  routes: [{ path: 'account', page: lazy(() => import('./change-password-page')) }],
};
