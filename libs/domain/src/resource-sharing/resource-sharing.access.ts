import type { MemberStatus } from '../compact';
import { ApiKeyScope } from '../shared';

/** API keys read a compact's resources with either of these scopes; `legal:read` alone is not enough. */
export const RESOURCE_READER_SCOPES: readonly ApiKeyScope[] = ['read', 'resources:write'];

/**
 * Whether a state with this membership status reads the compact's resources: every member,
 * not an applicant. A withdrawn state keeps reading: its obligations survive, and so must its
 * view of them. The one rule for the read API, the `/events` feed and webhooks.
 */
export const membershipReadsResources = (status: MemberStatus | undefined): boolean => status !== undefined && status !== 'applied';
