import { AccessPolicy } from '../common/auth/access.decorator';

/** Legal actions are privileged: read by counsel, auditors, admins and `legal:read` keys only. */
export const LEGAL_READERS: AccessPolicy = { roles: ['counsel', 'auditor', 'admin'], scopes: ['legal:read'] };

/** Only counsel write, each for its own state (the domain checks the state). */
export const LEGAL_WRITERS: AccessPolicy = { roles: ['counsel'] };
