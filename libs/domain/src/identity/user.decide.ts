import { assertNever, CommandContext, Decider, NotAllowed } from '../shared';
import { UserCommand } from './user.commands';
import { LastActiveAdmin, StateRequiredForRole, UsernameTaken, UserNotFound } from './user.errors';
import { UserEvent } from './user.events';
import { evolveUser, initialUserState, UserState } from './user.state';

const STATE_BOUND_ROLES = ['coordinator', 'counsel'] as const;

export function decideUser(command: UserCommand, state: UserState, { actor }: CommandContext): UserEvent[] {
  // The bootstrap admin is registered by the system itself; every other change needs an admin.
  if (actor.kind !== 'system' && !actor.roles.includes('admin')) {
    throw new NotAllowed('Only an admin manages users');
  }
  switch (command.type) {
    case 'RegisterUser': {
      const { stateRegistered, ...data } = command.data;
      if (state.status !== 'none') throw new UsernameTaken(data.username);
      const needsState = data.roles.some((role) => (STATE_BOUND_ROLES as readonly string[]).includes(role));
      if (needsState && (!data.stateCode || !stateRegistered)) {
        throw new StateRequiredForRole('Coordinators and counsel need the stateCode of a registered state');
      }
      if (data.stateCode && !stateRegistered) {
        throw new StateRequiredForRole(`State ${data.stateCode} is not registered`);
      }
      return [{ type: 'UserRegistered', data }];
    }
    case 'DeactivateUser':
      if (state.status === 'none') throw new UserNotFound(command.data.userId);
      if (state.status === 'inactive') return [];
      if (state.roles.includes('admin') && command.data.otherActiveAdmins < 1) throw new LastActiveAdmin();
      return [{ type: 'UserDeactivated', data: { userId: command.data.userId } }];
    default:
      return assertNever(command);
  }
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  streamType: 'user',
  initialState: initialUserState,
  evolve: evolveUser,
  decide: decideUser,
};
