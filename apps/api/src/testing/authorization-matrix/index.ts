import { AUDIT_ACCESS } from './audit';
import { COMPACTS_ACCESS } from './compacts';
import { IDENTITY_ACCESS } from './identity';
import { INTEGRATION_ACCESS } from './integration';
import { LEGAL_ACTIONS_ACCESS } from './legal-actions';
import { AccessTable } from './matrix';
import { MEMBER_STATES_ACCESS } from './member-states';
import { OPERATIONS_ACCESS } from './operations';
import { RESOURCES_ACCESS } from './resources';

export * from './matrix';
export { KEY_ISSUANCE, LOGIN_USER } from './identity';

/**
 * Who may call every route of the api: the authorization matrix test
 * (apps/api/src/authorization-matrix.int.spec.ts) calls each route as each principal kind
 * and fails for a registered route without a row here, and for a row without a route.
 *
 * To add a route: add a row `'METHOD /full/path': { allowed: [...], prepare }` to the
 * feature's table in this folder (or a new `<feature>.ts` spread in below), naming who gets
 * through; `prepare` builds a valid request (filling the path's parameters, creating what it
 * acts on) so the domain's per-state rules are reached, not just the role check.
 */
export const AUTHORIZATION_MATRIX: AccessTable = {
  ...OPERATIONS_ACCESS,
  ...IDENTITY_ACCESS,
  ...MEMBER_STATES_ACCESS,
  ...COMPACTS_ACCESS,
  ...LEGAL_ACTIONS_ACCESS,
  ...RESOURCES_ACCESS,
  ...AUDIT_ACCESS,
  ...INTEGRATION_ACCESS,
};
