import { AccessTable, AuthenticatedKind, EVERY_PRINCIPAL, EVERY_USER, PUBLIC } from './matrix';

export const LOGIN_USER = { username: 'matrix.login', password: 'matrix login password' };

export const IDENTITY_ACCESS: AccessTable = {
  'POST /api/v1/auth/login': { allowed: PUBLIC, prepare: () => ({ body: LOGIN_USER }) },
  'GET /api/v1/auth/me': { allowed: EVERY_PRINCIPAL },
  'GET /api/v1/auth/providers': { allowed: PUBLIC },
  'POST /api/v1/users': {
    allowed: ['admin'],
    prepare: (ctx) => ({ body: { username: ctx.unique('user'), password: 'a password of 12+', displayName: 'New auditor', roles: ['auditor'] } }),
  },
  'GET /api/v1/users': { allowed: ['admin'] },
  'POST /api/v1/users/:id/deactivate': {
    allowed: ['admin'],
    prepare: async (ctx) => {
      const user = await ctx.setUp(ctx.admin, 'POST', '/api/v1/users', {
        username: ctx.unique('leaver'), password: 'a password of 12+', displayName: 'Leaver', roles: ['auditor'],
      });
      return { path: `/api/v1/users/${user.id}/deactivate`, body: {} };
    },
  },
  // Any signed-in user, no API key. A new password too short for the rules gets every user past
  // the guard (400) without changing the standing principals' passwords, which would end their tokens.
  'POST /api/v1/auth/password': {
    allowed: EVERY_USER,
    prepare: () => ({ body: { currentPassword: 'whatever it is', newPassword: 'too short' } }),
  },
  'POST /api/v1/users/:id/password': {
    allowed: ['admin'],
    prepare: async (ctx) => {
      const user = await ctx.setUp(ctx.admin, 'POST', '/api/v1/users', {
        username: ctx.unique('forgetful'), password: 'a password of 12+', displayName: 'Forgetful', roles: ['auditor'],
      });
      return { path: `/api/v1/users/${user.id}/password`, body: { password: 'a new password of 12+' } };
    },
  },
  // A coordinator issues and revokes keys of its own state only: the other state's coordinator meets the domain's 403.
  'POST /api/v1/api-keys': {
    allowed: ['admin', 'coordinator'],
    prepare: (ctx) => ({ body: { name: ctx.unique('key'), stateCode: ctx.actingState, scopes: ['read'] } }),
  },
  'GET /api/v1/api-keys': { allowed: ['admin', 'coordinator', 'otherStateCoordinator'] },
  'DELETE /api/v1/api-keys/:id': {
    allowed: ['admin', 'coordinator'],
    prepare: async (ctx) => {
      const key = await ctx.setUp(ctx.admin, 'POST', '/api/v1/api-keys', { name: ctx.unique('doomed'), stateCode: ctx.actingState, scopes: ['read'] });
      return { path: `/api/v1/api-keys/${key.id}` };
    },
  },
};

/**
 * Key issuance by each role and scope (POST /api/v1/api-keys for the acting state with that one
 * scope): a principal grants only rights it holds. An admin holds them all; a coordinator of the
 * state reads it and writes its resources but has no legal access; nobody else issues keys.
 */
export const KEY_ISSUANCE: Record<'read' | 'resources:write' | 'legal:read', readonly AuthenticatedKind[]> = {
  read: ['admin', 'coordinator'],
  'resources:write': ['admin', 'coordinator'],
  'legal:read': ['admin'],
};
