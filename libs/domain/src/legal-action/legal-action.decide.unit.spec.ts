import { Actor, NotAllowed, SYSTEM_ACTOR } from '../shared';
import { coordinatorOf, specFor, testContext } from '../testing';
import { legalActionDecider } from './legal-action.decide';
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
import { LegalActionEvent, LegalActionOpened, LegalOutcome } from './legal-action.events';
import { FileLegalAction, LegalActionCommand, OpenLegalAction, RecordDevelopment } from './legal-action.commands';

const counselOf = (stateCode: string): Actor => ({ id: `counsel-${stateCode}`, kind: 'user', stateCode, roles: ['counsel'] });
const CA = counselOf('CA');
const NY = counselOf('NY');
const TX = counselOf('TX');

const ID = 'la-1';
const NOW = new Date('2026-01-15T12:00:00.000Z');
const DEADLINE = '2026-02-01T00:00:00.000Z';
const at = (iso: string) => ({ now: new Date(iso) });
const given = specFor(legalActionDecider, testContext(CA, NOW));

// History builders: every event as the decider itself would write it.
const opened = (deadline = DEADLINE): LegalActionOpened => ({
  type: 'LegalActionOpened',
  data: {
    legalActionId: ID,
    kind: 'lawsuit',
    title: 'State of California et al. v. Agency',
    summary: 'Challenge to the rule',
    forum: 'N.D. Cal.',
    signOnDeadline: deadline,
    compactId: null,
    leadState: 'CA',
    openedAt: '2026-01-10T09:00:00.000Z',
    openedBy: CA.id,
  },
});
const signed = (stateCode: string, signedAt = '2026-01-10T09:00:00.000Z'): LegalActionEvent => ({
  type: 'LegalActionSigned',
  data: { legalActionId: ID, stateCode, signedAt, signedBy: `counsel-${stateCode}` },
});
const withdrawn = (stateCode: string, withdrawnAt = '2026-01-12T09:00:00.000Z'): LegalActionEvent => ({
  type: 'SignatureWithdrawn',
  data: { legalActionId: ID, stateCode, withdrawnAt, withdrawnBy: `counsel-${stateCode}` },
});
const filed = (signatories: string[]): LegalActionEvent => ({
  type: 'LegalActionFiled',
  data: {
    legalActionId: ID,
    filedOn: '2026-01-14',
    docketNumber: '3:26-cv-00042',
    documentSha256: 'a'.repeat(64),
    documentUri: null,
    filedAt: '2026-01-14T15:00:00.000Z',
    filedBy: CA.id,
    signatories,
  },
});
const closed = (outcome: LegalOutcome = 'won'): LegalActionEvent => ({
  type: 'LegalActionClosed',
  data: { legalActionId: ID, outcome, summary: 'Judgment for the states', closedAt: '2026-01-14T16:00:00.000Z', closedBy: CA.id },
});

const open = (overrides: Partial<OpenLegalAction['data']> = {}): OpenLegalAction => ({
  type: 'OpenLegalAction',
  data: {
    legalActionId: ID,
    kind: 'lawsuit',
    title: 'State of California et al. v. Agency',
    summary: 'Challenge to the rule',
    forum: 'N.D. Cal.',
    signOnDeadline: DEADLINE,
    compactId: null,
    ...overrides,
  },
});
const sign: LegalActionCommand = { type: 'SignLegalAction', data: { legalActionId: ID } };
const withdraw = (stateCode: string): LegalActionCommand => ({ type: 'WithdrawSignature', data: { legalActionId: ID, stateCode } });
const file: FileLegalAction = {
  type: 'FileLegalAction',
  data: { legalActionId: ID, filedOn: '2026-01-15', docketNumber: '3:26-cv-00042', documentSha256: 'b'.repeat(64), documentUri: 'https://courts.example/doc/42' },
};
const development: RecordDevelopment = {
  type: 'RecordDevelopment',
  data: { legalActionId: ID, developmentId: 'dev-1', kind: 'injunction', occurredOn: '2026-01-15', summary: 'Preliminary injunction granted', documentSha256: null },
};
const close = (outcome: LegalOutcome): LegalActionCommand => ({ type: 'CloseLegalAction', data: { legalActionId: ID, outcome, summary: 'Done' } });
const closeSignOn: LegalActionCommand = { type: 'CloseSignOn', data: { legalActionId: ID } };

describe('LegalAction', () => {
  describe('opening', () => {
    it("makes the caller's state the lead and first signatory", () =>
      given()
        .when(open({ compactId: 'c-1' }))
        .then([
          {
            type: 'LegalActionOpened',
            data: { ...opened().data, compactId: 'c-1', openedAt: NOW.toISOString() },
          },
          { type: 'LegalActionSigned', data: { legalActionId: ID, stateCode: 'CA', signedAt: NOW.toISOString(), signedBy: CA.id } },
        ]));

    it('lets only counsel open one', () => {
      given().when(open(), { actor: coordinatorOf('CA') }).thenThrows(NotAllowed, 'FORBIDDEN');
      given().when(open(), { actor: { ...CA, stateCode: null } }).thenThrows(NotAllowed, 'FORBIDDEN');
      given().when(open(), { actor: { ...CA, kind: 'api-key' } }).thenThrows(NotAllowed, 'FORBIDDEN');
    });

    it('refuses a sign-on deadline that is not in the future', () => {
      given().when(open({ signOnDeadline: NOW.toISOString() })).thenThrows(SignOnDeadlineNotInFuture, 'VALIDATION_FAILED');
      given().when(open({ signOnDeadline: '2025-12-31T00:00:00.000Z' })).thenThrows(SignOnDeadlineNotInFuture, 'VALIDATION_FAILED');
    });

    it('refuses to open the same action twice', () =>
      given(opened(), signed('CA')).when(open()).thenThrows(LegalActionAlreadyOpened, 'DUPLICATE'));
  });

  describe('signing on', () => {
    it("adds the caller's state before the deadline", () =>
      given(opened(), signed('CA'))
        .when(sign, { actor: NY })
        .then([{ type: 'LegalActionSigned', data: { legalActionId: ID, stateCode: 'NY', signedAt: NOW.toISOString(), signedBy: NY.id } }]));

    it('refuses an unknown action with NOT_FOUND', () => given().when(sign, { actor: NY }).thenThrows(LegalActionNotFound, 'NOT_FOUND'));

    it('lets only counsel sign', () => given(opened(), signed('CA')).when(sign, { actor: coordinatorOf('NY') }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('refuses a state that has already signed with ALREADY_SIGNED', () => {
      given(opened(), signed('CA')).when(sign, { actor: CA }).thenThrows(AlreadySigned, 'ALREADY_SIGNED');
      given(opened(), signed('CA'), signed('NY')).when(sign, { actor: NY }).thenThrows(AlreadySigned, 'ALREADY_SIGNED');
    });

    it('refuses at and after the deadline with DEADLINE_PASSED, judged by the time of the command', () => {
      given(opened(), signed('CA')).when(sign, { actor: NY, ...at(DEADLINE) }).thenThrows(DeadlinePassed, 'DEADLINE_PASSED');
      given(opened(), signed('CA')).when(sign, { actor: NY, ...at('2026-03-01T00:00:00.000Z') }).thenThrows(DeadlinePassed, 'DEADLINE_PASSED');
      given(opened(), signed('CA'))
        .when(sign, { actor: NY, ...at('2026-01-31T23:59:59.999Z') })
        .then([{ type: 'LegalActionSigned', data: { legalActionId: ID, stateCode: 'NY', signedAt: '2026-01-31T23:59:59.999Z', signedBy: NY.id } }]);
    });

    it('refuses once the action is filed with ACTION_FILED, even before the deadline', () =>
      given(opened(), signed('CA'), filed(['CA'])).when(sign, { actor: NY }).thenThrows(ActionFiled, 'ACTION_FILED'));

    it('refuses a closed action with ACTION_CLOSED', () =>
      given(opened(), signed('CA'), closed('withdrawn')).when(sign, { actor: NY }).thenThrows(ActionClosed, 'ACTION_CLOSED'));

    it('lets a state that withdrew sign again before the deadline', () =>
      given(opened(), signed('CA'), signed('NY'), withdrawn('NY'))
        .when(sign, { actor: NY })
        .then([{ type: 'LegalActionSigned', data: { legalActionId: ID, stateCode: 'NY', signedAt: NOW.toISOString(), signedBy: NY.id } }]));
  });

  describe('withdrawing a signature', () => {
    it("withdraws the caller's own state, also after the deadline while not filed", () => {
      given(opened(), signed('CA'), signed('NY'))
        .when(withdraw('NY'), { actor: NY })
        .then([{ type: 'SignatureWithdrawn', data: { legalActionId: ID, stateCode: 'NY', withdrawnAt: NOW.toISOString(), withdrawnBy: NY.id } }]);
      given(opened(), signed('CA'), signed('NY'))
        .when(withdraw('NY'), { actor: NY, ...at('2026-02-02T00:00:00.000Z') })
        .then([{ type: 'SignatureWithdrawn', data: { legalActionId: ID, stateCode: 'NY', withdrawnAt: '2026-02-02T00:00:00.000Z', withdrawnBy: NY.id } }]);
    });

    it("refuses to withdraw another state's signature with FORBIDDEN", () =>
      given(opened(), signed('CA'), signed('NY')).when(withdraw('NY'), { actor: TX }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('refuses the lead with LEAD_CANNOT_WITHDRAW', () =>
      given(opened(), signed('CA')).when(withdraw('CA'), { actor: CA }).thenThrows(LeadCannotWithdraw, 'LEAD_CANNOT_WITHDRAW'));

    it('refuses a state that has not signed (or already withdrew) with NOT_A_SIGNATORY', () => {
      given(opened(), signed('CA')).when(withdraw('TX'), { actor: TX }).thenThrows(NotASignatory, 'NOT_A_SIGNATORY');
      given(opened(), signed('CA'), signed('NY'), withdrawn('NY')).when(withdraw('NY'), { actor: NY }).thenThrows(NotASignatory, 'NOT_A_SIGNATORY');
    });

    it('refuses after filing with ACTION_FILED', () =>
      given(opened(), signed('CA'), signed('NY'), filed(['CA', 'NY'])).when(withdraw('NY'), { actor: NY }).thenThrows(ActionFiled, 'ACTION_FILED'));

    it('refuses a closed action with ACTION_CLOSED', () =>
      given(opened(), signed('CA'), signed('NY'), filed(['CA', 'NY']), closed()).when(withdraw('NY'), { actor: NY }).thenThrows(ActionClosed, 'ACTION_CLOSED'));
  });

  describe('filing', () => {
    it('lets the lead file, freezing the current signatories into the record', () =>
      given(opened(), signed('CA'), signed('NY'), signed('TX'), withdrawn('TX'))
        .when(file)
        .then([{ type: 'LegalActionFiled', data: { ...file.data, filedAt: NOW.toISOString(), filedBy: CA.id, signatories: ['CA', 'NY'] } }]));

    it('refuses a signatory that is not the lead with FORBIDDEN', () =>
      given(opened(), signed('CA'), signed('NY')).when(file, { actor: NY }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('refuses a second filing with ACTION_FILED and a closed action with ACTION_CLOSED', () => {
      given(opened(), signed('CA'), filed(['CA'])).when(file).thenThrows(ActionFiled, 'ACTION_FILED');
      given(opened(), signed('CA'), closed('withdrawn')).when(file).thenThrows(ActionClosed, 'ACTION_CLOSED');
    });
  });

  describe('recording developments', () => {
    it('lets counsel of any signatory state record one once filed', () =>
      given(opened(), signed('CA'), signed('NY'), filed(['CA', 'NY']))
        .when(development, { actor: NY })
        .then([{ type: 'DevelopmentRecorded', data: { ...development.data, stateCode: 'NY', recordedAt: NOW.toISOString(), recordedBy: NY.id } }]));

    it('refuses before filing with ACTION_NOT_FILED', () =>
      given(opened(), signed('CA')).when(development).thenThrows(ActionNotFiled, 'ACTION_NOT_FILED'));

    it('refuses counsel of a state that is not a signatory with FORBIDDEN', () => {
      given(opened(), signed('CA'), filed(['CA'])).when(development, { actor: TX }).thenThrows(NotAllowed, 'FORBIDDEN');
      given(opened(), signed('CA'), signed('NY'), withdrawn('NY'), filed(['CA'])).when(development, { actor: NY }).thenThrows(NotAllowed, 'FORBIDDEN');
      given(opened(), signed('CA'), filed(['CA'])).when(development, { actor: coordinatorOf('CA') }).thenThrows(NotAllowed, 'FORBIDDEN');
    });

    it('refuses a closed action with ACTION_CLOSED', () =>
      given(opened(), signed('CA'), filed(['CA']), closed()).when(development).thenThrows(ActionClosed, 'ACTION_CLOSED'));
  });

  describe('closing', () => {
    it('lets the lead close a filed action with its outcome', () =>
      given(opened(), signed('CA'), filed(['CA']))
        .when(close('settled'))
        .then([{ type: 'LegalActionClosed', data: { legalActionId: ID, outcome: 'settled', summary: 'Done', closedAt: NOW.toISOString(), closedBy: CA.id } }]));

    it('refuses a signatory that is not the lead with FORBIDDEN', () =>
      given(opened(), signed('CA'), signed('NY'), filed(['CA', 'NY'])).when(close('won'), { actor: NY }).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('lets an unfiled action close only as withdrawn', () => {
      given(opened(), signed('CA')).when(close('won')).thenThrows(ActionNotFiled, 'ACTION_NOT_FILED');
      given(opened(), signed('CA'))
        .when(close('withdrawn'))
        .then([{ type: 'LegalActionClosed', data: { legalActionId: ID, outcome: 'withdrawn', summary: 'Done', closedAt: NOW.toISOString(), closedBy: CA.id } }]);
    });

    it('accepts nothing more once closed', () =>
      given(opened(), signed('CA'), filed(['CA']), closed()).when(close('lost')).thenThrows(ActionClosed, 'ACTION_CLOSED'));
  });

  describe('locking the sign-on list at the deadline', () => {
    const afterDeadline = at('2026-02-01T00:00:05.000Z');

    it('records the signatories as they stood at the deadline, even when it runs late', () =>
      given(
        opened(),
        signed('CA'),
        signed('NY', '2026-01-11T00:00:00.000Z'),
        signed('TX', '2026-01-11T00:00:00.000Z'),
        withdrawn('TX', '2026-01-20T00:00:00.000Z'), // before the deadline: not on the list
        withdrawn('NY', '2026-02-01T00:00:01.000Z'), // after it: still on the list
      )
        .when(closeSignOn, { actor: SYSTEM_ACTOR, ...afterDeadline })
        .then([
          {
            type: 'SignOnClosed',
            data: {
              legalActionId: ID,
              signOnDeadline: DEADLINE,
              signatories: [
                { stateCode: 'CA', signedAt: '2026-01-10T09:00:00.000Z', signedBy: CA.id },
                { stateCode: 'NY', signedAt: '2026-01-11T00:00:00.000Z', signedBy: NY.id },
              ],
            },
          },
        ]));

    it('records it once', () =>
      given(opened(), signed('CA'), { type: 'SignOnClosed', data: { legalActionId: ID, signOnDeadline: DEADLINE, signatories: [] } })
        .when(closeSignOn, { actor: SYSTEM_ACTOR, ...afterDeadline })
        .then([]));

    it('refuses before the deadline with SIGN_ON_OPEN', () =>
      given(opened(), signed('CA')).when(closeSignOn, { actor: SYSTEM_ACTOR }).thenThrows(SignOnStillOpen, 'SIGN_ON_OPEN'));

    it('is done by the system alone', () =>
      given(opened(), signed('CA')).when(closeSignOn, { actor: CA, ...afterDeadline }).thenThrows(NotAllowed, 'FORBIDDEN'));
  });
});
