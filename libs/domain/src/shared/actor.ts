export const ROLES = ['admin', 'coordinator', 'counsel', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_SCOPES = ['read', 'resources:write', 'legal:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export type ActorKind = 'user' | 'api-key' | 'system';

/** Who issued a command: recorded on every event so the audit log can attribute it. */
export interface Actor {
  readonly id: string;
  readonly kind: ActorKind;
  readonly stateCode: string | null;
  readonly roles: readonly Role[];
  readonly scopes?: readonly ApiKeyScope[];
}

export const SYSTEM_ACTOR: Actor = { id: 'system', kind: 'system', stateCode: null, roles: [] };
