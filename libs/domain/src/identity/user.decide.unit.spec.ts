import { NotAllowed, SYSTEM_ACTOR } from '../shared';
import { coordinatorOf, specFor, testContext } from '../testing';
import { RegisterUser } from './user.commands';
import { userDecider } from './user.decide';
import { LastActiveAdmin, StateRequiredForRole, UsernameTaken, UserNotFound } from './user.errors';
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

  describe('when the user is an admin', () => {
    const admin: UserEvent = { type: 'UserRegistered', data: { ...registered.data, userId: 'a1', roles: ['admin'], stateCode: null } };
    const deactivate = (otherActiveAdmins: number) => ({ type: 'DeactivateUser', data: { userId: 'a1', otherActiveAdmins } }) as const;

    it('refuses to deactivate the last active admin', () =>
      given(admin).when(deactivate(0)).thenThrows(LastActiveAdmin, 'LAST_ACTIVE_ADMIN'));

    it('deactivates an admin while another stays active', () =>
      given(admin).when(deactivate(1)).then([{ type: 'UserDeactivated', data: { userId: 'a1' } }]));
  });
});
