import { NotAllowed } from '../shared';
import { coordinatorOf, specFor, testContext } from '../testing';
import { memberStateDecider } from './member-state.decide';
import { StateAlreadyRegistered, StateNotRegistered } from './member-state.errors';
import { MemberStateEvent } from './member-state.events';

const given = specFor(memberStateDecider, testContext());
const registered: MemberStateEvent = { type: 'StateRegistered', data: { code: 'CA', name: 'California', population: 39_000_000 } };

describe('MemberState', () => {
  it('registers a new state', () =>
    given()
      .when({ type: 'RegisterState', data: { code: 'CA', name: 'California', population: 39_000_000 } })
      .then([registered]));

  it('refuses to register a state twice with DUPLICATE', () =>
    given(registered)
      .when({ type: 'RegisterState', data: { code: 'CA', name: 'California', population: 1 } })
      .thenThrows(StateAlreadyRegistered, 'DUPLICATE'));

  it('changes the population of a registered state', () =>
    given(registered)
      .when({ type: 'ChangePopulation', data: { code: 'CA', population: 39_500_000 } })
      .then([{ type: 'PopulationChanged', data: { code: 'CA', population: 39_500_000 } }]));

  it('records nothing when the population is unchanged', () =>
    given(registered).when({ type: 'ChangePopulation', data: { code: 'CA', population: 39_000_000 } }).then([]));

  it('cannot change the population of an unknown state', () =>
    given().when({ type: 'ChangePopulation', data: { code: 'ZZ', population: 5 } }).thenThrows(StateNotRegistered, 'NOT_FOUND'));

  it('lets only an admin manage states', () =>
    given()
      .when({ type: 'RegisterState', data: { code: 'WA', name: 'Washington', population: 7 } }, { actor: coordinatorOf('WA') })
      .thenThrows(NotAllowed, 'FORBIDDEN'));
});
