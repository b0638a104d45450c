import { Command } from '../shared';
import { DevelopmentReport, LegalActionKind, LegalOutcome } from './legal-action.events';

/** The acting state of every counsel command is the actor's own state, never a field of the command. */
export type OpenLegalAction = Command<
  'OpenLegalAction',
  {
    legalActionId: string;
    kind: LegalActionKind;
    title: string;
    summary: string;
    forum: string;
    /** ISO 8601 time. */
    signOnDeadline: string;
    compactId: string | null;
  }
>;
export type SignLegalAction = Command<'SignLegalAction', { legalActionId: string }>;
export type WithdrawSignature = Command<'WithdrawSignature', { legalActionId: string; stateCode: string }>;
export type FileLegalAction = Command<
  'FileLegalAction',
  { legalActionId: string; filedOn: string; docketNumber: string; documentSha256: string; documentUri: string | null }
>;
export type RecordDevelopment = Command<'RecordDevelopment', DevelopmentReport>;
export type CloseLegalAction = Command<'CloseLegalAction', { legalActionId: string; outcome: LegalOutcome; summary: string }>;
/** Issued by the worker's deadline handler only. */
export type CloseSignOn = Command<'CloseSignOn', { legalActionId: string }>;

export type LegalActionCommand =
  | OpenLegalAction
  | SignLegalAction
  | WithdrawSignature
  | FileLegalAction
  | RecordDevelopment
  | CloseLegalAction
  | CloseSignOn;

export const LEGAL_ACTION_STREAM_TYPE = 'legal-action';
export const legalActionStreamId = (legalActionId: string): string => `${LEGAL_ACTION_STREAM_TYPE}-${legalActionId}`;
