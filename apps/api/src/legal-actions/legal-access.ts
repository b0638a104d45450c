import { LEGAL_READER_ROLES, LEGAL_READER_SCOPES } from '@coalition/domain';
import { AccessPolicy } from '../common/auth/access.decorator';

/** Legal actions are privileged: the same rule as `mayReadLegalActions`, which the feed and webhooks use. */
export const LEGAL_READERS: AccessPolicy = { roles: [...LEGAL_READER_ROLES], scopes: [...LEGAL_READER_SCOPES] };

/** Only counsel write, each for its own state (the domain checks the state). */
export const LEGAL_WRITERS: AccessPolicy = { roles: ['counsel'] };
