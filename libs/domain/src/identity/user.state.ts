import { assertNever, Role } from '../shared';
import { UserEvent } from './user.events';

export type UserState =
  | { status: 'none' }
  | { status: 'active' | 'inactive'; userId: string; username: string; roles: Role[]; stateCode: string | null };

export const initialUserState = (): UserState => ({ status: 'none' });

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, username, roles, stateCode } = event.data;
      return { status: 'active', userId, username, roles, stateCode };
    }
    case 'UserDeactivated':
      return state.status === 'none' ? state : { ...state, status: 'inactive' };
    default:
      return assertNever(event);
  }
}
