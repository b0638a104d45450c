import { principalFromClaims } from './oidc-claims';

const names = { rolesClaim: 'roles', stateClaim: 'state_code' };

describe('principalFromClaims', () => {
  it('maps a coordinator of a state, keeping only Coalition roles', () =>
    expect(principalFromClaims({ sub: 'abc', roles: ['coordinator', 'offline_access'], state_code: 'WA', preferred_username: 'jdoe' }, names)).toEqual({
      id: 'oidc:abc', kind: 'user', username: 'jdoe', roles: ['coordinator'], stateCode: 'WA',
    }));

  it('reads nested and space-separated role claims', () => {
    expect(principalFromClaims({ sub: 's', realm_access: { roles: ['auditor'] } }, { ...names, rolesClaim: 'realm_access.roles' })).toMatchObject({ roles: ['auditor'], stateCode: null });
    expect(principalFromClaims({ sub: 's', roles: 'counsel coordinator', state_code: 'CA' }, names)).toMatchObject({ roles: ['coordinator', 'counsel'] });
  });

  it('reads a claim whose name holds dots or slashes as it is', () =>
    expect(principalFromClaims({ sub: 's', 'https://coalition.example/roles': ['admin'] }, { ...names, rolesClaim: 'https://coalition.example/roles' })).toMatchObject({ roles: ['admin'] }));

  it('refuses a token without a subject or without any Coalition role', () => {
    expect(principalFromClaims({ roles: ['admin'] }, names)).toHaveProperty('refused');
    expect(principalFromClaims({ sub: 's', roles: ['superuser'] }, names)).toEqual({ refused: expect.stringContaining('none of the roles') });
  });

  it('refuses state-bound roles without a state, and malformed state codes', () => {
    expect(principalFromClaims({ sub: 's', roles: ['coordinator'] }, names)).toEqual({ refused: expect.stringContaining('need a state code') });
    expect(principalFromClaims({ sub: 's', roles: ['auditor'], state_code: 'wa' }, names)).toEqual({ refused: expect.stringContaining('not a two-letter') });
    expect(principalFromClaims({ sub: 's', roles: ['auditor'], state_code: 12 }, names)).toHaveProperty('refused');
  });
});
