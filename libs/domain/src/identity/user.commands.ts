import { Command } from '../shared';
import { UserRegistered } from './user.events';

export type RegisterUser = Command<
  'RegisterUser',
  UserRegistered['data'] & {
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
/**
 * The user changes its own password. The caller (which hashes, and so is not pure) has checked
 * the current password already; a wrong one never reaches the domain.
 */
export type ChangeOwnPassword = Command<'ChangeOwnPassword', { userId: string; passwordHash: string }>;
/** An admin sets another user's password (a lost password); it changes nothing else about the user. */
export type ResetPassword = Command<'ResetPassword', { userId: string; passwordHash: string }>;

export type UserCommand = RegisterUser | DeactivateUser | ChangeOwnPassword | ResetPassword;

export const userStreamId = (userId: string): string => `user-${userId}`;
