import { lazy } from 'react';
import type { PageArea } from '../area';

export const compactsArea: PageArea = {
  label: 'Compacts',
  href: '/compacts',
  roles: ['coordinator', 'counsel', 'auditor', 'admin'],
  routes: [
    { path: 'compacts', page: lazy(() => import('./compacts/compacts-page')) },
    { path: 'compacts/new', page: lazy(() => import('./compacts/draft-compact-page')) },
    { path: 'compacts/:id', page: lazy(() => import('./compacts/compact-page')) },
    { path: 'proposals/:id', page: lazy(() => import('./proposals/proposal-page')) },
  ],
};

export const resourcesArea: PageArea = {
  label: 'Resources',
  href: '/resources',
  roles: ['coordinator', 'auditor', 'admin'],
  routes: [
    { path: 'resources', page: lazy(() => import('./resources/resources-page')) },
    { path: 'compacts/:id/resources', page: lazy(() => import('./resources/resource-board-page')) },
    { path: 'offers/:id', page: lazy(() => import('./resources/offer-page')) },
  ],
};
