import { NotAllowed, SYSTEM_ACTOR } from '../shared';
import { coordinatorOf, specFor, testContext } from '../testing';
import { RegisterUser } from './user.commands';
import { userDecider } from './user.decide';
import { LastActiveAdmin, OwnPasswordNeedsCurrent, StateRequiredForRole, UserInactive, UsernameTaken, UserNotFound } from './user.errors';
import { evolveUser, initialUserState } from './user.state';
import { UserEvent } from './user.events';

const given = specFor(userDecider, testContext());
const register = (overrides: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: {
    userId: 'u1',
    username: 'wa.coordinator',
    displayName: 'WA Coordinator',
    roles: ['coordinator'],
    stateCode: 'WA',
    passwordHash: 'scrypt$hash',
    stateRegistered: true,
    ...overrides,
  },
});
const registered: UserEvent = {
  type: 'UserRegistered',
  data: { userId: 'u1', username: 'wa.coordinator', displayName: 'WA Coordinator', roles: ['coordinator'], stateCode: 'WA', passwordHash: 'scrypt$hash' },
};

describe('User', () => {
  it('registers a coordinator of a registered state', () => given().when(register()).then([registered]));

  it('refuses a taken username with DUPLICATE', () => given(registered).when(register()).thenThrows(UsernameTaken, 'DUPLICATE'));

  it('requires a registered state for coordinators and counsel', () => {
    given().when(register({ stateCode: null })).thenThrows(StateRequiredForRole, 'VALIDATION_FAILED');
    given().when(register({ roles: ['counsel'], stateRegistered: false })).thenThrows(StateRequiredForRole);
  });

  it('lets an auditor exist without a state', () =>
    given()
      .when(register({ roles: ['auditor'], stateCode: null, stateRegistered: false }))
      .then([{ ...registered, data: { ...registered.data, roles: ['auditor'], stateCode: null } }]));

  it('lets the system register the bootstrap admin', () =>
    given()
      .when(register({ roles: ['admin'], stateCode: null, stateRegistered: false }), { actor: SYSTEM_ACTOR })
      .then([{ ...registered, data: { ...registered.data, roles: ['admin'], stateCode: null } }]));

  it('lets only an admin register users', () =>
    given().when(register(), { actor: coordinatorOf('WA') }).thenThrows(NotAllowed, 'FORBIDDEN'));

  it('deactivates once, then records nothing', () => {
    given(registered).when({ type: 'DeactivateUser', data: { userId: 'u1', otherActiveAdmins: 0 } }).then([{ type: 'UserDeactivated', data: { userId: 'u1' } }]);
    given(registered, { type: 'UserDeactivated', data: { userId: 'u1' } }).when({ type: 'DeactivateUser', data: { userId: 'u1', otherActiveAdmins: 0 } }).then([]);
  });

  it('cannot deactivate an unknown user', () =>
    given().when({ type: 'DeactivateUser', data: { userId: 'nope', otherActiveAdmins: 1 } }).thenThrows(UserNotFound, 'NOT_FOUND'));

  describe('passwords', () => {
    const self = { id: 'u1', kind: 'user' as const, stateCode: 'WA', roles: ['coordinator' as const] };
    const admin = { id: 'a1', kind: 'user' as const, stateCode: null, roles: ['admin' as const] };
    const change = { type: 'ChangeOwnPassword' as const, data: { userId: 'u1', passwordHash: 'scrypt$new' } };
    const reset = { type: 'ResetPassword' as const, data: { userId: 'u1', passwordHash: 'scrypt$reset' } };
    const deactivated: UserEvent = { type: 'UserDeactivated', data: { userId: 'u1' } };

    it('lets a user change its own password, and no one else', () => {
      given(registered).when(change, { actor: self }).then([{ type: 'PasswordChanged', data: { userId: 'u1', passwordHash: 'scrypt$new' } }]);
      given(registered).when(change, { actor: admin }).thenThrows(NotAllowed, 'FORBIDDEN');
      given(registered).when(change, { actor: { ...self, kind: 'api-key' } }).thenThrows(NotAllowed, 'FORBIDDEN');
    });

    it('lets an admin reset another user, but not itself, and no non-admin at all', () => {
      given(registered).when(reset, { actor: admin }).then([{ type: 'PasswordReset', data: { userId: 'u1', passwordHash: 'scrypt$reset' } }]);
      given(registered).when({ ...reset, data: { ...reset.data, userId: 'a1' } }, { actor: admin }).thenThrows(OwnPasswordNeedsCurrent, 'FORBIDDEN');
      given(registered).when(reset, { actor: self }).thenThrows(NotAllowed, 'FORBIDDEN');
      given(registered).when(reset, { actor: coordinatorOf('WA') }).thenThrows(NotAllowed, 'FORBIDDEN');
      given(registered).when(reset, { actor: SYSTEM_ACTOR }).then([{ type: 'PasswordReset', data: { userId: 'u1', passwordHash: 'scrypt$reset' } }]);
    });

    it('refuses unknown and deactivated users', () => {
      given().when(reset, { actor: admin }).thenThrows(UserNotFound, 'NOT_FOUND');
      given(registered, deactivated).when(reset, { actor: admin }).thenThrows(UserInactive, 'USER_INACTIVE');
      given(registered, deactivated).when(change, { actor: self }).thenThrows(UserInactive, 'USER_INACTIVE');
    });

    it('moves the credentials version on every change and reset, and nothing else', () => {
      const events: UserEvent[] = [registered, { type: 'PasswordChanged', data: change.data }, { type: 'PasswordReset', data: reset.data }];
      const versions = events.map((_, i) => events.slice(0, i + 1).reduce(evolveUser, initialUserState()));
      expect(versions.map((s) => (s.status === 'none' ? null : s.credentialsVersion))).toEqual([0, 1, 2]);
      expect(versions[2]).toMatchObject({ status: 'active', roles: ['coordinator'], stateCode: 'WA' });
    });
  });

  describe('when the user is an admin', () => {
    const admin: UserEvent = { type: 'UserRegistered', data: { ...registered.data, userId: 'a1', roles: ['admin'], stateCode: null } };
    const deactivate = (otherActiveAdmins: number) => ({ type: 'DeactivateUser', data: { userId: 'a1', otherActiveAdmins } }) as const;

    it('refuses to deactivate the last active admin', () =>
      given(admin).when(deactivate(0)).thenThrows(LastActiveAdmin, 'LAST_ACTIVE_ADMIN'));

    it('deactivates an admin while another stays active', () =>
      given(admin).when(deactivate(1)).then([{ type: 'UserDeactivated', data: { userId: 'a1' } }]));
  });
});
