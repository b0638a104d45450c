import { ROLES, Role, STATE_CODE_PATTERN } from '@coalition/domain';
import { Principal } from '../../common/auth/principal';

export interface OidcClaimNames {
  /** The provider's name, in its principals' ids; none for the single provider of OIDC_ISSUER. */
  name?: string;
  /** Claim (or dotted path) holding the roles: an array, or a space- or comma-separated string. */
  rolesClaim: string;
  /** Claim (or dotted path) holding the two-letter code of the state the user acts for. */
  stateClaim: string;
}

const STATE_BOUND_ROLES: readonly Role[] = ['coordinator', 'counsel'];

/** `realm_access.roles` reads claims.realm_access.roles; a name with no dot is read as is (URL-like claim names included). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), claims);
}

function rolesFrom(value: unknown): Role[] {
  const names = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return ROLES.filter((role) => names.includes(role));
}

/**
 * Maps a verified identity-provider token to a principal. Roles other than Coalition's are
 * ignored; a token with none of them, or a state-bound role without a valid state code, is
 * refused (the reason is for the log, never for the caller).
 */
export function principalFromClaims(claims: Record<string, unknown>, names: OidcClaimNames): Principal | { refused: string } {
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub.length === 0) return { refused: 'the token has no subject' };
  const roles = rolesFrom(claimAt(claims, names.rolesClaim));
  if (roles.length === 0) return { refused: `claim ${names.rolesClaim} carries none of the roles ${ROLES.join(', ')}` };
  const state = claimAt(claims, names.stateClaim);
  if (state !== undefined && state !== null && (typeof state !== 'string' || !STATE_CODE_PATTERN.test(state))) {
    return { refused: `claim ${names.stateClaim} is not a two-letter state code` };
  }
  const stateCode = typeof state === 'string' ? state : null;
  if (!stateCode && roles.some((role) => STATE_BOUND_ROLES.includes(role))) {
    return { refused: `coordinators and counsel need a state code in claim ${names.stateClaim}` };
  }
  const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : undefined;
  return { id: names.name ? `oidc:${names.name}:${sub}` : `oidc:${sub}`, kind: 'user', ...(username ? { username } : {}), roles, stateCode };
}

/** The roles no state may vouch for: only a provider bound to `platform` issues them. */
const PLATFORM_ROLES: readonly Role[] = ['admin', 'auditor'];

/**
 * Whether a provider bound to `vouchesFor` (state codes, `platform`, or `*` for every state) may
 * speak for this principal: its state, if it has one, and its platform roles. A token claiming
 * more than its provider may vouch for is refused whole, never trimmed to what is allowed.
 */
export function unvouched(principal: Principal, vouchesFor: readonly string[]): string | null {
  if (principal.stateCode && !vouchesFor.includes('*') && !vouchesFor.includes(principal.stateCode)) {
    return `the provider may not vouch for state ${principal.stateCode}`;
  }
  const platformRoles = principal.roles.filter((role) => PLATFORM_ROLES.includes(role));
  if (platformRoles.length > 0 && !vouchesFor.includes('platform')) {
    return `the provider may not vouch for the platform role${platformRoles.length > 1 ? 's' : ''} ${platformRoles.join(', ')}`;
  }
  return null;
}
