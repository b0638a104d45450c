import { Command } from '../shared';

export type RegisterState = Command<'RegisterState', { code: string; name: string; population: number }>;
export type ChangePopulation = Command<'ChangePopulation', { code: string; population: number }>;

export type MemberStateCommand = RegisterState | ChangePopulation;

export const memberStateStreamId = (code: string): string => `member-state-${code}`;
