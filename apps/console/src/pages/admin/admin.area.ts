import type { PageArea } from '../area';
import { placeholderPage } from '../placeholder-page';

export const adminArea: PageArea = {
  label: 'Administration',
  href: '/admin',
  roles: ['admin'],
  routes: [{ path: 'admin', page: placeholderPage('Administration', 'States, users, API keys and webhooks') }],
};
