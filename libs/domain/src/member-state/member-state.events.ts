import { DomainEvent } from '../shared';

export type StateRegistered = DomainEvent<'StateRegistered', { code: string; name: string; population: number }>;
export type PopulationChanged = DomainEvent<'PopulationChanged', { code: string; population: number }>;

export type MemberStateEvent = StateRegistered | PopulationChanged;
