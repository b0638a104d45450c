import { Actor } from '@coalition/domain';

/** An admin, the only role allowed to register member states and change their population. */
export const testAdmin: Actor = { id: 'admin-test', kind: 'user', stateCode: null, roles: ['admin'] };
