import { accountArea } from './account/account.area';
import { adminArea } from './admin/admin.area';
import type { PageArea } from './area';
import { auditArea } from './audit/audit.area';
import { compactsArea, resourcesArea } from './coordinator/coordinator.area';
import { legalArea } from './legal/legal.area';

/** Every area of the console, in menu order: a new area is one line here (and its `<name>.area.ts`). */
export const AREAS: PageArea[] = [
  compactsArea,
  resourcesArea,
  legalArea,
  auditArea,
  adminArea,
  accountArea,
];
