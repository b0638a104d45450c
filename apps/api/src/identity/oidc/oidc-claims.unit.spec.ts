import { Role } from '@coalition/domain';
import { principalFromClaims, unvouched } from './oidc-claims';

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

describe('unvouched', () => {
  const coordinator = (stateCode: string | null, roles: Role[] = ['coordinator']) => ({ id: 'oidc:wa:s', kind: 'user' as const, roles, stateCode });

  it("lets a state's provider vouch for that state's coordinators and counsel", () => {
    expect(unvouched(coordinator('WA'), ['WA'])).toBeNull();
    expect(unvouched(coordinator('OR', ['counsel']), ['WA', 'OR'])).toBeNull();
    expect(unvouched(coordinator('OR'), ['*'])).toBeNull();
  });

  it('refuses a state the provider is not bound to', () =>
    expect(unvouched(coordinator('OR'), ['WA'])).toBe('the provider may not vouch for state OR'));

  it('refuses admin and auditor from any provider not bound to the platform, even alongside a vouched state role', () => {
    expect(unvouched(coordinator(null, ['admin']), ['WA'])).toBe('the provider may not vouch for the platform role admin');
    expect(unvouched(coordinator(null, ['auditor']), ['*'])).toContain('auditor');
    expect(unvouched(coordinator('WA', ['coordinator', 'admin']), ['WA'])).toContain('admin');
    expect(unvouched(coordinator(null, ['admin', 'auditor']), ['platform'])).toBeNull();
  });

  it('refuses a state claimed through a platform-only provider', () =>
    expect(unvouched(coordinator('WA', ['auditor']), ['platform'])).toContain('state WA'));
});

describe('principal ids', () => {
  it("carry the provider's name, so that equal subjects of two providers stay two principals", () => {
    expect(principalFromClaims({ sub: '17', roles: ['coordinator'], state_code: 'WA' }, { ...names, name: 'wa' })).toMatchObject({ id: 'oidc:wa:17' });
    expect(principalFromClaims({ sub: '17', roles: ['coordinator'], state_code: 'OR' }, { ...names, name: 'or' })).toMatchObject({ id: 'oidc:or:17' });
  });
});
