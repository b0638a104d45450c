import { assertNever } from '../shared';
import { LegalActionEvent, Signatory } from './legal-action.events';

/** Every signature ever given, withdrawn ones included, so the list at any instant can be recomputed. */
export interface SignatureRecord extends Signatory {
  withdrawnAt?: string;
}

export type LegalActionState =
  | { status: 'none' }
  | {
      status: 'open' | 'filed' | 'closed';
      legalActionId: string;
      leadState: string;
      signOnDeadline: string;
      signatures: readonly SignatureRecord[];
      filed: boolean;
      signOnClosed: boolean;
    };

export type OpenedLegalActionState = Exclude<LegalActionState, { status: 'none' }>;

export const initialLegalActionState = (): LegalActionState => ({ status: 'none' });

export const currentSignatories = (state: OpenedLegalActionState): Signatory[] =>
  state.signatures.filter((s) => s.withdrawnAt === undefined).map(({ stateCode, signedAt, signedBy }) => ({ stateCode, signedAt, signedBy }));

/** The signatories as they stood at `instant`: signed at or before it and not withdrawn by then. */
export const signatoriesAsOf = (state: OpenedLegalActionState, instant: string): Signatory[] => {
  const at = Date.parse(instant);
  return state.signatures
    .filter((s) => Date.parse(s.signedAt) <= at && (s.withdrawnAt === undefined || Date.parse(s.withdrawnAt) > at))
    .map(({ stateCode, signedAt, signedBy }) => ({ stateCode, signedAt, signedBy }));
};

export function evolveLegalAction(state: LegalActionState, event: LegalActionEvent): LegalActionState {
  if (event.type === 'LegalActionOpened') {
    const { legalActionId, leadState, signOnDeadline } = event.data;
    return { status: 'open', legalActionId, leadState, signOnDeadline, signatures: [], filed: false, signOnClosed: false };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'LegalActionSigned': {
      const { stateCode, signedAt, signedBy } = event.data;
      return { ...state, signatures: [...state.signatures, { stateCode, signedAt, signedBy }] };
    }
    case 'SignatureWithdrawn':
      return {
        ...state,
        signatures: state.signatures.map((s) =>
          s.stateCode === event.data.stateCode && s.withdrawnAt === undefined ? { ...s, withdrawnAt: event.data.withdrawnAt } : s,
        ),
      };
    case 'LegalActionFiled':
      return { ...state, status: 'filed', filed: true };
    case 'DevelopmentRecorded':
      return state;
    case 'LegalActionClosed':
      return { ...state, status: 'closed' };
    case 'SignOnClosed':
      return { ...state, signOnClosed: true };
    default:
      return assertNever(event);
  }
}
