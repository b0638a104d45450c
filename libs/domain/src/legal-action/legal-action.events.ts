import { DomainEvent } from '../shared';

export const LEGAL_ACTION_KINDS = ['lawsuit', 'amicus-brief', 'comment-letter', 'petition'] as const;
export type LegalActionKind = (typeof LEGAL_ACTION_KINDS)[number];

export const DEVELOPMENT_KINDS = ['order', 'ruling', 'injunction', 'appeal', 'judgment', 'settlement', 'dismissal'] as const;
export type DevelopmentKind = (typeof DEVELOPMENT_KINDS)[number];

export const LEGAL_OUTCOMES = ['won', 'lost', 'settled', 'mixed', 'withdrawn'] as const;
export type LegalOutcome = (typeof LEGAL_OUTCOMES)[number];

/**
 * One state's signature; times are ISO 8601 in UTC, taken from the command's clock. A type
 * alias, not an interface, so event data built from it stays plain JSON to the event store.
 */
export type Signatory = {
  stateCode: string;
  signedAt: string;
  signedBy: string;
};

export type LegalActionOpened = DomainEvent<
  'LegalActionOpened',
  {
    legalActionId: string;
    kind: LegalActionKind;
    title: string;
    summary: string;
    forum: string;
    leadState: string;
    signOnDeadline: string;
    compactId: string | null;
    openedAt: string;
    openedBy: string;
  }
>;

export type LegalActionSigned = DomainEvent<'LegalActionSigned', { legalActionId: string } & Signatory>;

export type SignatureWithdrawn = DomainEvent<
  'SignatureWithdrawn',
  { legalActionId: string; stateCode: string; withdrawnAt: string; withdrawnBy: string }
>;

/** Filing freezes the signatories: the event names them, so the record shows who filed together. */
export type LegalActionFiled = DomainEvent<
  'LegalActionFiled',
  {
    legalActionId: string;
    filedOn: string;
    docketNumber: string;
    documentSha256: string;
    documentUri: string | null;
    filedAt: string;
    filedBy: string;
    signatories: string[];
  }
>;

/** A development as counsel reports it (a type alias, so event data built from it stays plain JSON). */
export type DevelopmentReport = {
  legalActionId: string;
  developmentId: string;
  kind: DevelopmentKind;
  occurredOn: string;
  summary: string;
  documentSha256: string | null;
};

export type DevelopmentRecorded = DomainEvent<
  'DevelopmentRecorded',
  DevelopmentReport & {
    stateCode: string;
    recordedAt: string;
    recordedBy: string;
  }
>;

export type LegalActionClosed = DomainEvent<
  'LegalActionClosed',
  { legalActionId: string; outcome: LegalOutcome; summary: string; closedAt: string; closedBy: string }
>;

/** Recorded by the worker at the sign-on deadline: the signatories as they stood at that instant. */
export type SignOnClosed = DomainEvent<
  'SignOnClosed',
  { legalActionId: string; signOnDeadline: string; signatories: Signatory[] }
>;

export type LegalActionEvent =
  | LegalActionOpened
  | LegalActionSigned
  | SignatureWithdrawn
  | LegalActionFiled
  | DevelopmentRecorded
  | LegalActionClosed
  | SignOnClosed;
