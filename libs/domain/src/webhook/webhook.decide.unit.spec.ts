import { NotAllowed, SYSTEM_ACTOR } from '../shared';
import { adminActor, coordinatorOf, specFor, testContext } from '../testing';
import { RegisterWebhook, RotateWebhookSecret } from './webhook.commands';
import { webhookDecider } from './webhook.decide';
import { InvalidWebhook, WebhookNotFound } from './webhook.errors';
import { WebhookEvent } from './webhook.events';
import { evolveWebhook, initialWebhookState, signingSecrets } from './webhook.state';
import { webhookWants } from './webhook.subscription';

const WA = coordinatorOf('WA');
const given = specFor(webhookDecider, testContext(WA));
const register = (overrides: Partial<RegisterWebhook['data']> = {}): RegisterWebhook => ({
  type: 'RegisterWebhook',
  data: { webhookId: 'w1', url: 'https://hooks.wa.example/coalition', eventTypes: ['*'], secret: 'sixteen-chars-ok', ...overrides },
});
const registered: WebhookEvent = {
  type: 'WebhookRegistered',
  data: { webhookId: 'w1', url: 'https://hooks.wa.example/coalition', eventTypes: ['*'], secret: 'sixteen-chars-ok', ownerId: WA.id, stateCode: 'WA' },
};
const disabled: WebhookEvent = { type: 'WebhookDisabled', data: { webhookId: 'w1', stateCode: 'WA', ownerId: WA.id, reason: '8 failed attempts' } };
const deleted: WebhookEvent = { type: 'WebhookDeleted', data: { webhookId: 'w1', stateCode: 'WA', ownerId: WA.id } };

describe('Webhook', () => {
  describe('registration', () => {
    it('belongs to the registering coordinator and its state', () => given().when(register()).then([registered]));

    it('lets an admin register one without a state', () =>
      given()
        .when(register(), { actor: adminActor })
        .then([{ ...registered, data: { ...registered.data, ownerId: adminActor.id, stateCode: null } } as WebhookEvent]));

    it('accepts event type names and CloudEvent types Coalition records', () =>
      given()
        .when(register({ eventTypes: ['StateRegistered', 'coalition.member-state.population-changed.v1'] }))
        .then([{ ...registered, data: { ...registered.data, eventTypes: ['StateRegistered', 'coalition.member-state.population-changed.v1'] } } as WebhookEvent]));

    it('refuses counsel, auditors and API keys', () => {
      given().when(register(), { actor: { id: 'c', kind: 'user', stateCode: 'WA', roles: ['counsel'] } }).thenThrows(NotAllowed, 'FORBIDDEN');
      given().when(register(), { actor: { id: 'a', kind: 'user', stateCode: null, roles: ['auditor'] } }).thenThrows(NotAllowed);
      given().when(register(), { actor: { id: 'k', kind: 'api-key', stateCode: 'WA', roles: [], scopes: ['read'] } }).thenThrows(NotAllowed);
    });

    it.each([
      ['ftp://hooks.example/x', 'not http(s)'],
      ['hooks.example/x', 'not absolute'],
      ['https://user:pw@hooks.example/x', 'carrying credentials'],
    ])('refuses the url %s (%s)', (url) => given().when(register({ url })).thenThrows(InvalidWebhook, 'VALIDATION_FAILED'));

    it.each([
      [[]],
      [['*', 'StateRegistered']],
      [['StateRegistered', 'StateRegistered']],
      [['StateRegisterd']],
      [['coalition.member-state.state-registerd.v1']],
      [['coalition.proposal.state-registered.v1']],
    ])('refuses the event types %j', (eventTypes) => given().when(register({ eventTypes })).thenThrows(InvalidWebhook));

    it('refuses a secret shorter than 16 characters', () =>
      given().when(register({ secret: 'too-short' })).thenThrows(InvalidWebhook));

    it('takes a Standard Webhooks secret of 24 to 64 bytes, and refuses one of another size or not base64', () => {
      const whsec = (bytes: number) => `whsec_${Buffer.alloc(bytes, 7).toString('base64')}`;
      given().when(register({ secret: whsec(32) })).then([{ ...registered, data: { ...registered.data, secret: whsec(32) } } as WebhookEvent]);
      given().when(register({ secret: whsec(16) })).thenThrows(InvalidWebhook);
      given().when(register({ secret: whsec(65) })).thenThrows(InvalidWebhook);
      given().when(register({ secret: 'whsec_not*base64*not*base64' })).thenThrows(InvalidWebhook);
    });
  });

  describe('secret rotation', () => {
    const rotate = (overrides: Partial<RotateWebhookSecret['data']> = {}): RotateWebhookSecret => ({
      type: 'RotateWebhookSecret',
      data: { webhookId: 'w1', secret: 'a brand new secret', gracePeriodSeconds: 3600, ...overrides },
    });
    const now = testContext(WA)().now;

    it('records the new secret and when the previous one stops signing', () =>
      given(registered)
        .when(rotate())
        .then([
          {
            type: 'WebhookSecretRotated',
            data: { webhookId: 'w1', stateCode: 'WA', ownerId: WA.id, secret: 'a brand new secret', previousSecretExpiresAt: new Date(now.getTime() + 3_600_000).toISOString() },
          },
        ]));

    it('is for the owner or an admin only, of a webhook that exists', () => {
      given(registered).when(rotate(), { actor: coordinatorOf('OR') }).thenThrows(NotAllowed);
      given(registered, deleted).when(rotate()).thenThrows(WebhookNotFound);
      given().when(rotate()).thenThrows(WebhookNotFound);
    });

    it.each([[-1], [8 * 24 * 3600], [1.5]])('refuses a grace period of %s seconds', (gracePeriodSeconds) =>
      given(registered).when(rotate({ gracePeriodSeconds })).thenThrows(InvalidWebhook));

    it('refuses the current secret or a short one', () => {
      given(registered).when(rotate({ secret: 'sixteen-chars-ok' })).thenThrows(InvalidWebhook);
      given(registered).when(rotate({ secret: 'short' })).thenThrows(InvalidWebhook);
    });

    it('signs with both secrets until the grace period ends, then with the new one alone', () => {
      const state = [registered, { type: 'WebhookSecretRotated', data: { webhookId: 'w1', stateCode: 'WA', secret: 'new secret 123456', previousSecretExpiresAt: '2026-12-03T12:00:00.000Z' } } as WebhookEvent].reduce(
        evolveWebhook,
        initialWebhookState(),
      );
      if (state.status === 'none') throw new Error('no webhook');
      expect(signingSecrets(state, new Date('2026-12-03T11:59:59.000Z'))).toEqual(['new secret 123456', 'sixteen-chars-ok']);
      expect(signingSecrets(state, new Date('2026-12-03T12:00:00.000Z'))).toEqual(['new secret 123456']);
    });
  });

  describe('deletion and re-enabling', () => {
    it('lets the owner or an admin delete it, once', () => {
      given(registered).when({ type: 'DeleteWebhook', data: { webhookId: 'w1' } }).then([deleted]);
      given(registered).when({ type: 'DeleteWebhook', data: { webhookId: 'w1' } }, { actor: adminActor }).then([deleted]);
      given(registered, deleted).when({ type: 'DeleteWebhook', data: { webhookId: 'w1' } }).thenThrows(WebhookNotFound, 'NOT_FOUND');
    });

    it('refuses anyone else, even a coordinator of the same state', () =>
      given(registered)
        .when({ type: 'DeleteWebhook', data: { webhookId: 'w1' } }, { actor: { ...coordinatorOf('WA'), id: 'another-wa-coordinator' } })
        .thenThrows(NotAllowed));

    it('enables a disabled webhook, and does nothing to an active one', () => {
      given(registered, disabled).when({ type: 'EnableWebhook', data: { webhookId: 'w1' } }).then([{ type: 'WebhookEnabled', data: { webhookId: 'w1', stateCode: 'WA', ownerId: WA.id } }]);
      given(registered).when({ type: 'EnableWebhook', data: { webhookId: 'w1' } }).then([]);
    });
  });

  describe('disabling after repeated failure', () => {
    it('is done by the system, with the reason', () =>
      given(registered).when({ type: 'DisableWebhook', data: { webhookId: 'w1', reason: '8 failed attempts' } }, { actor: SYSTEM_ACTOR }).then([disabled]));

    it('records nothing for a webhook already disabled or deleted', () => {
      given(registered, disabled).when({ type: 'DisableWebhook', data: { webhookId: 'w1', reason: 'again' } }, { actor: SYSTEM_ACTOR }).then([]);
      given(registered, deleted).when({ type: 'DisableWebhook', data: { webhookId: 'w1', reason: 'late' } }, { actor: SYSTEM_ACTOR }).then([]);
    });

    it('is not for coordinators', () =>
      given(registered).when({ type: 'DisableWebhook', data: { webhookId: 'w1', reason: 'x' } }).thenThrows(NotAllowed));
  });

  describe('subscription', () => {
    const event = { streamType: 'member-state', type: 'StateRegistered', schemaVersion: 1 };
    it('matches "*", the event name or its CloudEvent type of the same schema version', () => {
      expect(webhookWants(['*'], event)).toBe(true);
      expect(webhookWants(['StateRegistered'], event)).toBe(true);
      expect(webhookWants(['coalition.member-state.state-registered.v1'], event)).toBe(true);
      expect(webhookWants(['coalition.member-state.state-registered.v2'], event)).toBe(false);
      expect(webhookWants(['PopulationChanged'], event)).toBe(false);
    });
  });
});
