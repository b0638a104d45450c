import type { PageArea } from '../area';
import { placeholderPage } from '../placeholder-page';

export const counselArea: PageArea = {
  label: 'Legal actions',
  href: '/legal-actions',
  roles: ['counsel', 'auditor', 'admin'],
  routes: [{ path: 'legal-actions', page: placeholderPage('Legal actions', 'Legal actions') }],
};
