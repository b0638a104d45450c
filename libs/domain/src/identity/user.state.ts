import { assertNever, Role } from '../shared';
import { UserEvent } from './user.events';

export type UserState =
  | { status: 'none' }
  | {
      status: 'active' | 'inactive';
      userId: string;
      username: string;
      roles: Role[];
      stateCode: string | null;
      /**
       * How many times the password was changed or reset. Bearer tokens carry the version they
       * were issued at, so a change makes every earlier token stop working.
       */
      credentialsVersion: number;
    };

export const initialUserState = (): UserState => ({ status: 'none' });

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, username, roles, stateCode } = event.data;
      return { status: 'active', userId, username, roles, stateCode, credentialsVersion: 0 };
    }
    case 'UserDeactivated':
      return state.status === 'none' ? state : { ...state, status: 'inactive' };
    case 'PasswordChanged':
    case 'PasswordReset':
      return state.status === 'none' ? state : { ...state, credentialsVersion: state.credentialsVersion + 1 };
    default:
      return assertNever(event);
  }
}
