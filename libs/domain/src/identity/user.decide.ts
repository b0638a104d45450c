import { assertNever, CommandContext, Decider, NotAllowed } from '../shared';
import { ChangeOwnPassword, DeactivateUser, RegisterUser, ResetPassword, UserCommand } from './user.commands';
import { LastActiveAdmin, OwnPasswordNeedsCurrent, StateRequiredForRole, UserInactive, UsernameTaken, UserNotFound } from './user.errors';
import { UserEvent } from './user.events';
import { evolveUser, initialUserState, UserState } from './user.state';

const STATE_BOUND_ROLES = ['coordinator', 'counsel'] as const;

export function decideUser(command: UserCommand, state: UserState, context: CommandContext): UserEvent[] {
  if (command.type === 'ChangeOwnPassword') return changeOwnPassword(command, state, context);
  // The bootstrap admin is registered by the system itself; every other change needs an admin.
  const { actor } = context;
  if (actor.kind !== 'system' && !actor.roles.includes('admin')) {
    throw new NotAllowed('Only an admin manages users');
  }
  switch (command.type) {
    case 'RegisterUser':
      return register(command, state);
    case 'DeactivateUser':
      return deactivate(command, state);
    case 'ResetPassword':
      return resetPassword(command, state, context);
    default:
      return assertNever(command);
  }
}

function changeOwnPassword({ data }: ChangeOwnPassword, state: UserState, { actor }: CommandContext): UserEvent[] {
  // Only the user itself, signed in as a user (never an API key acting for its state).
  if (actor.kind !== 'user' || actor.id !== data.userId) throw new NotAllowed('Only the user itself changes its own password');
  if (state.status === 'none') throw new UserNotFound(data.userId);
  if (state.status === 'inactive') throw new UserInactive(data.userId);
  return [{ type: 'PasswordChanged', data: { userId: data.userId, passwordHash: data.passwordHash } }];
}

function register(command: RegisterUser, state: UserState): UserEvent[] {
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

function deactivate({ data }: DeactivateUser, state: UserState): UserEvent[] {
  if (state.status === 'none') throw new UserNotFound(data.userId);
  if (state.status === 'inactive') return [];
  if (state.roles.includes('admin') && data.otherActiveAdmins < 1) throw new LastActiveAdmin();
  return [{ type: 'UserDeactivated', data: { userId: data.userId } }];
}

function resetPassword({ data }: ResetPassword, state: UserState, { actor }: CommandContext): UserEvent[] {
  const { userId, passwordHash } = data;
  // The system resets too (the `coalition admin reset-password` command, run by an operator on the data).
  if (actor.kind === 'user' && actor.id === userId) throw new OwnPasswordNeedsCurrent();
  if (state.status === 'none') throw new UserNotFound(userId);
  if (state.status === 'inactive') throw new UserInactive(userId);
  return [{ type: 'PasswordReset', data: { userId, passwordHash } }];
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  streamType: 'user',
  initialState: initialUserState,
  evolve: evolveUser,
  decide: decideUser,
};
