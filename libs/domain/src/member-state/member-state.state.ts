import { assertNever } from '../shared';
import { MemberStateEvent } from './member-state.events';

export type MemberState =
  | { status: 'unregistered' }
  | { status: 'registered'; code: string; name: string; population: number };

export const initialMemberState = (): MemberState => ({ status: 'unregistered' });

export function evolveMemberState(state: MemberState, event: MemberStateEvent): MemberState {
  switch (event.type) {
    case 'StateRegistered':
      return { status: 'registered', ...event.data };
    case 'PopulationChanged':
      return state.status === 'registered' ? { ...state, population: event.data.population } : state;
    default:
      return assertNever(event);
  }
}
