import { assertNever, CommandContext, Decider, NotAllowed } from '../shared';
import { MemberStateCommand } from './member-state.commands';
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
      if (state.status === 'registered') throw new StateAlreadyRegistered(command.data.code);
      return [{ type: 'StateRegistered', data: { ...command.data } }];
    case 'ChangePopulation':
      if (state.status !== 'registered') throw new StateNotRegistered(command.data.code);
      if (state.population === command.data.population) return [];
      return [{ type: 'PopulationChanged', data: { ...command.data } }];
    default:
      return assertNever(command);
  }
}

export const memberStateDecider: Decider<MemberStateCommand, MemberStateEvent, MemberState> = {
  streamType: 'member-state',
  initialState: initialMemberState,
  evolve: evolveMemberState,
  decide: decideMemberState,
};
