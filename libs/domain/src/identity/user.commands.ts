import { Command, Role } from '../shared';

export type RegisterUser = Command<
  'RegisterUser',
  {
    userId: string;
    username: string;
    displayName: string;
    roles: Role[];
    stateCode: string | null;
    passwordHash: string;
    /** Whether `stateCode` names a registered member state (looked up by the caller). */
    stateRegistered: boolean;
  }
>;
export type DeactivateUser = Command<
  'DeactivateUser',
  {
    userId: string;
    /** How many active admins there are besides this user (counted by the caller). */
    otherActiveAdmins: number;
  }
>;

export type UserCommand = RegisterUser | DeactivateUser;

export const userStreamId = (userId: string): string => `user-${userId}`;
