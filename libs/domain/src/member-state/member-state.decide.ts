import { assertNever, CommandContext, Decider, NotAllowed } from '../shared';
import { ChangePopulation, MemberStateCommand, RegisterState } from './member-state.commands';
import { StateAlreadyRegistered, StateNotRegistered } from './member-state.errors';
import { MemberStateEvent } from './member-state.events';
import { evolveMemberState, initialMemberState, MemberState } from './member-state.state';

export function decideMemberState(
  command: MemberStateCommand,
  state: MemberState,
  { actor }: CommandContext,
): MemberStateEvent[] {
  if (!actor.roles.includes('admin')) throw new NotAllowed('Only an admin manages member states');
  switch (command.type) {
    case 'RegisterState':
      return register(command, state);
    case 'ChangePopulation':
      return changePopulation(command, state);
    default:
      return assertNever(command);
  }
}

function register({ data }: RegisterState, state: MemberState): MemberStateEvent[] {
  if (state.status === 'registered') throw new StateAlreadyRegistered(data.code);
  return [{ type: 'StateRegistered', data: { ...data } }];
}

function changePopulation({ data }: ChangePopulation, state: MemberState): MemberStateEvent[] {
  if (state.status !== 'registered') throw new StateNotRegistered(data.code);
  if (state.population === data.population) return [];
  return [{ type: 'PopulationChanged', data: { ...data } }];
}

export const memberStateDecider: Decider<MemberStateCommand, MemberStateEvent, MemberState> = {
  streamType: 'member-state',
  initialState: initialMemberState,
  evolve: evolveMemberState,
  decide: decideMemberState,
};
