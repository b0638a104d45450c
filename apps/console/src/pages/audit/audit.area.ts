import type { PageArea } from '../area';
import { placeholderPage } from '../placeholder-page';

export const auditArea: PageArea = {
  label: 'Audit',
  href: '/audit',
  roles: ['auditor', 'admin'],
  routes: [{ path: 'audit', page: placeholderPage('Audit', 'The audit log, verification and exports') }],
};
