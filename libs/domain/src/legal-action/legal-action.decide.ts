import { Actor, assertNever, CommandContext, Decider, NotAllowed } from '../shared';
import {
  CloseLegalAction,
  CloseSignOn,
  FileLegalAction,
  LEGAL_ACTION_STREAM_TYPE,
  LegalActionCommand,
  OpenLegalAction,
  RecordDevelopment,
  SignLegalAction,
  WithdrawSignature,
} from './legal-action.commands';
import {
  ActionClosed,
  ActionFiled,
  ActionNotFiled,
  AlreadySigned,
  DeadlinePassed,
  LeadCannotWithdraw,
  LegalActionAlreadyOpened,
  LegalActionNotFound,
  NotASignatory,
  SignOnDeadlineNotInFuture,
  SignOnStillOpen,
} from './legal-action.errors';
import { LegalActionEvent } from './legal-action.events';
import {
  currentSignatories,
  evolveLegalAction,
  initialLegalActionState,
  LegalActionState,
  OpenedLegalActionState,
  signatoriesAsOf,
} from './legal-action.state';

/** Only counsel write, and always for their own state: that state is the one acting. */
function counselState(actor: Actor): string {
  if (actor.kind !== 'user' || !actor.roles.includes('counsel') || !actor.stateCode) {
    throw new NotAllowed('Only counsel act in legal actions, and only for their own state');
  }
  return actor.stateCode;
}

function existing(state: LegalActionState, legalActionId: string): OpenedLegalActionState {
  if (state.status === 'none') throw new LegalActionNotFound(legalActionId);
  return state;
}

function requireLead(state: OpenedLegalActionState, stateCode: string, what: string): void {
  if (state.leadState !== stateCode) throw new NotAllowed(`Only counsel of the lead state (${state.leadState}) may ${what}`);
}

const isSignatory = (state: OpenedLegalActionState, stateCode: string): boolean =>
  currentSignatories(state).some((s) => s.stateCode === stateCode);

/** One decider function per command; this only dispatches. */
export function decideLegalAction(command: LegalActionCommand, state: LegalActionState, context: CommandContext): LegalActionEvent[] {
  switch (command.type) {
    case 'OpenLegalAction':
      return openLegalAction(command, state, context);
    case 'SignLegalAction':
      return signLegalAction(command, state, context);
    case 'WithdrawSignature':
      return withdrawSignature(command, state, context);
    case 'FileLegalAction':
      return fileLegalAction(command, state, context);
    case 'RecordDevelopment':
      return recordDevelopment(command, state, context);
    case 'CloseLegalAction':
      return closeLegalAction(command, state, context);
    case 'CloseSignOn':
      return closeSignOn(command, state, context);
    default:
      return assertNever(command);
  }
}

function openLegalAction(command: OpenLegalAction, state: LegalActionState, { actor, now }: CommandContext): LegalActionEvent[] {
  const at = now.toISOString();
  const lead = counselState(actor);
  const { legalActionId, signOnDeadline } = command.data;
  if (state.status !== 'none') throw new LegalActionAlreadyOpened(legalActionId);
  if (!(Date.parse(signOnDeadline) > now.getTime())) throw new SignOnDeadlineNotInFuture(signOnDeadline);
  return [
    { type: 'LegalActionOpened', data: { ...command.data, leadState: lead, openedAt: at, openedBy: actor.id } },
    { type: 'LegalActionSigned', data: { legalActionId, stateCode: lead, signedAt: at, signedBy: actor.id } },
  ];
}

function signLegalAction(command: SignLegalAction, state: LegalActionState, { actor, now }: CommandContext): LegalActionEvent[] {
  const signer = counselState(actor);
  const action = existing(state, command.data.legalActionId);
  if (action.status === 'closed') throw new ActionClosed();
  if (action.status === 'filed') throw new ActionFiled();
  if (isSignatory(action, signer)) throw new AlreadySigned(signer);
  if (now.getTime() >= Date.parse(action.signOnDeadline)) throw new DeadlinePassed(action.signOnDeadline);
  const { legalActionId } = action;
  return [{ type: 'LegalActionSigned', data: { legalActionId, stateCode: signer, signedAt: now.toISOString(), signedBy: actor.id } }];
}

function withdrawSignature(command: WithdrawSignature, state: LegalActionState, { actor, now }: CommandContext): LegalActionEvent[] {
  const own = counselState(actor);
  const action = existing(state, command.data.legalActionId);
  const { stateCode } = command.data;
  if (stateCode !== own) throw new NotAllowed(`Counsel of ${own} cannot withdraw the signature of ${stateCode}`);
  if (action.status === 'closed') throw new ActionClosed();
  if (action.status === 'filed') throw new ActionFiled('The legal action has been filed; its signatures can no longer be withdrawn');
  if (action.leadState === stateCode) throw new LeadCannotWithdraw(stateCode);
  if (!isSignatory(action, stateCode)) throw new NotASignatory(stateCode);
  const { legalActionId } = action;
  return [{ type: 'SignatureWithdrawn', data: { legalActionId, stateCode, withdrawnAt: now.toISOString(), withdrawnBy: actor.id } }];
}

function fileLegalAction(command: FileLegalAction, state: LegalActionState, { actor, now }: CommandContext): LegalActionEvent[] {
  const filer = counselState(actor);
  const action = existing(state, command.data.legalActionId);
  requireLead(action, filer, 'file it');
  if (action.status === 'closed') throw new ActionClosed();
  if (action.status === 'filed') throw new ActionFiled('The legal action has already been filed');
  const signatories = currentSignatories(action).map((s) => s.stateCode);
  return [{ type: 'LegalActionFiled', data: { ...command.data, filedAt: now.toISOString(), filedBy: actor.id, signatories } }];
}

function recordDevelopment(command: RecordDevelopment, state: LegalActionState, { actor, now }: CommandContext): LegalActionEvent[] {
  const recorder = counselState(actor);
  const action = existing(state, command.data.legalActionId);
  if (!isSignatory(action, recorder)) throw new NotAllowed(`Only counsel of a signatory state may record developments; ${recorder} is not one`);
  if (action.status === 'closed') throw new ActionClosed();
  if (action.status !== 'filed') throw new ActionNotFiled('Developments are recorded once the legal action has been filed');
  return [{ type: 'DevelopmentRecorded', data: { ...command.data, stateCode: recorder, recordedAt: now.toISOString(), recordedBy: actor.id } }];
}

function closeLegalAction(command: CloseLegalAction, state: LegalActionState, { actor, now }: CommandContext): LegalActionEvent[] {
  const closer = counselState(actor);
  const action = existing(state, command.data.legalActionId);
  requireLead(action, closer, 'close it');
  if (action.status === 'closed') throw new ActionClosed();
  if (action.status === 'open' && command.data.outcome !== 'withdrawn') {
    throw new ActionNotFiled('An action that was never filed can only close with the outcome "withdrawn"');
  }
  return [{ type: 'LegalActionClosed', data: { ...command.data, closedAt: now.toISOString(), closedBy: actor.id } }];
}

function closeSignOn(command: CloseSignOn, state: LegalActionState, { actor, now }: CommandContext): LegalActionEvent[] {
  if (actor.kind !== 'system') throw new NotAllowed('The sign-on list is locked by the system at its deadline');
  const action = existing(state, command.data.legalActionId);
  if (action.signOnClosed) return [];
  if (now.getTime() < Date.parse(action.signOnDeadline)) throw new SignOnStillOpen(action.signOnDeadline);
  // Computed from the signatures' own times, so a lock that fires late still names the list at the deadline.
  const { legalActionId, signOnDeadline } = action;
  return [{ type: 'SignOnClosed', data: { legalActionId, signOnDeadline, signatories: signatoriesAsOf(action, signOnDeadline) } }];
}

export const legalActionDecider: Decider<LegalActionCommand, LegalActionEvent, LegalActionState> = {
  streamType: LEGAL_ACTION_STREAM_TYPE,
  initialState: initialLegalActionState,
  evolve: evolveLegalAction,
  decide: decideLegalAction,
};
