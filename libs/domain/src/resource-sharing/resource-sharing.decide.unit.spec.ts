import { CompactNotActive, NotAMember, NotRatified } from '../compact';
import { Actor, InvalidCommand, NotAllowed } from '../shared';
import { adminActor, coordinatorOf, specFor, testContext } from '../testing';
import { MembershipFacts, MakeOffer, ResourcePoolCommand } from './resource-sharing.commands';
import { resourcePoolDecider } from './resource-sharing.decide';
import {
  CategoriesDoNotSum,
  ExceedsRequest,
  InsufficientPledge,
  OfferNotAccepted,
  OfferNotOpen,
  PoolEntityNotFound,
  ReimbursementNotApproved,
  RequestClosed,
  ResourceMismatch,
  SelfFulfilment,
} from './resource-sharing.errors';
import { ResourcePoolEvent } from './resource-sharing.events';

const CA = coordinatorOf('CA');
const WA = coordinatorOf('WA');
const OR = coordinatorOf('OR');
const apiKey = (stateCode: string, scopes: Actor['scopes']): Actor => ({ id: `key-${stateCode}`, kind: 'api-key', stateCode, roles: [], scopes });
const counselOf = (stateCode: string): Actor => ({ id: `counsel-${stateCode}`, kind: 'user', stateCode, roles: ['counsel'] });

const COMPACT = 'compact-1';
const active: MembershipFacts = { status: 'active', members: { CA: 'ratified', WA: 'ratified', OR: 'ratified', NV: 'admitted' } };
const withMember = (stateCode: string, status: MembershipFacts['members'][string]): MembershipFacts => ({
  ...active,
  members: { ...active.members, [stateCode]: status },
});

const given = specFor(resourcePoolDecider, testContext(CA));
const as = (actor: Actor) => ({ actor });

// Quantities in hundredths: 100 units is 10_000.
const h = (units: number) => Math.round(units * 100);
const pledgeMade = (pledgeId: string, stateCode: string, units: number, unit = 'each'): ResourcePoolEvent => ({
  type: 'PledgeMade',
  data: { pledgeId, compactId: COMPACT, stateCode, resourceType: 'water-tanker', unit, quantityHundredths: h(units) },
});
const requestMade = (requestId: string, stateCode: string, units: number, unit = 'each'): ResourcePoolEvent => ({
  type: 'RequestMade',
  data: { requestId, compactId: COMPACT, stateCode, resourceType: 'water-tanker', unit, quantityHundredths: h(units), justification: 'wildfire' },
});
const offerMade = (offerId: string, pledgeId: string, requestId: string, from: string, to: string, units: number): ResourcePoolEvent => ({
  type: 'OfferMade',
  data: {
    offerId,
    requestId,
    pledgeId,
    compactId: COMPACT,
    stateCode: from,
    requestingState: to,
    resourceType: 'water-tanker',
    unit: 'each',
    quantityHundredths: h(units),
  },
});
const offerAccepted = (offerId: string, pledgeId: string, requestId: string, from: string, to: string, units: number): ResourcePoolEvent => ({
  type: 'OfferAccepted',
  data: { offerId, compactId: COMPACT, requestId, pledgeId, quantityHundredths: h(units), stateCode: to, offeringState: from },
});
const claimed = (reimbursementId: string, offerId: string): ResourcePoolEvent => ({
  type: 'ReimbursementClaimed',
  data: {
    reimbursementId,
    offerId,
    compactId: COMPACT,
    stateCode: 'WA',
    payerState: 'CA',
    amountCents: 150_000,
    currency: 'USD',
    categoriesCents: { personnel: 100_000, travel: 50_000 },
  },
});

const makePledge = (units: number, compact = active, note?: string): ResourcePoolCommand => ({
  type: 'MakePledge',
  data: { pledgeId: 'p1', compactId: COMPACT, resourceType: 'water-tanker', unit: 'each', quantityHundredths: h(units), compact, ...(note ? { note } : {}) },
});
const makeRequest = (units: number, compact = active): ResourcePoolCommand => ({
  type: 'MakeRequest',
  data: { requestId: 'r1', compactId: COMPACT, resourceType: 'water-tanker', unit: 'each', quantityHundredths: h(units), justification: 'wildfire', compact },
});
const makeOffer = (units: number, overrides: Partial<MakeOffer['data']> = {}): ResourcePoolCommand => ({
  type: 'MakeOffer',
  data: { offerId: 'o-new', requestId: 'r1', pledgeId: 'p1', quantityHundredths: h(units), compact: active, ...overrides },
});
const accept = (offerId: string, compact = active): ResourcePoolCommand => ({ type: 'AcceptOffer', data: { offerId, compact } });
const claim = (amountCents: number, categoriesCents: Record<string, number>): ResourcePoolCommand => ({
  type: 'ClaimReimbursement',
  data: { reimbursementId: 'rb1', offerId: 'o1', amountCents, currency: 'USD', categoriesCents },
});

/** WA pledged 100 tankers, CA requested 50. */
const pool = [pledgeMade('p1', 'WA', 100), requestMade('r1', 'CA', 50)];
/** ... and WA offered 30 of them, which CA accepted. */
const agreed = [...pool, offerMade('o1', 'p1', 'r1', 'WA', 'CA', 30), offerAccepted('o1', 'p1', 'r1', 'WA', 'CA', 30)];

describe('ResourcePool', () => {
  describe('pledges', () => {
    it('records a coordinator’s pledge for its own state, in hundredths', () =>
      given()
        .when(makePledge(12.5, active, 'ready in 6 h'), as(WA))
        .then([
          {
            type: 'PledgeMade',
            data: { pledgeId: 'p1', compactId: COMPACT, stateCode: 'WA', resourceType: 'water-tanker', unit: 'each', quantityHundredths: 1_250, note: 'ready in 6 h' },
          },
        ]));

    it('lets an API key with resources:write pledge exactly as its state’s coordinator', () =>
      given().when(makePledge(100), as(apiKey('WA', ['resources:write']))).then([pledgeMade('p1', 'WA', 100)]));

    it('refuses API keys without resources:write, counsel and admins with FORBIDDEN', () => {
      given().when(makePledge(100), as(apiKey('WA', ['read', 'legal:read']))).thenThrows(NotAllowed, 'FORBIDDEN');
      given().when(makePledge(100), as(counselOf('WA'))).thenThrows(NotAllowed, 'FORBIDDEN');
      given().when(makePledge(100), as(adminActor)).thenThrows(NotAllowed, 'FORBIDDEN');
    });

    it('needs an active compact: COMPACT_NOT_ACTIVE', () => {
      given().when(makePledge(100, { ...active, status: 'draft' }), as(WA)).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE');
      given().when(makePledge(100, { ...active, status: 'dissolved' }), as(WA)).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE');
    });

    it('needs a ratified state: NOT_A_MEMBER for withdrawn, applicant and outside states', () => {
      given().when(makePledge(100, withMember('WA', 'withdrawn')), as(WA)).thenThrows(NotAMember, 'NOT_A_MEMBER');
      given().when(makePledge(100, withMember('WA', 'applied')), as(WA)).thenThrows(NotAMember, 'NOT_A_MEMBER');
      given().when(makePledge(100), as(coordinatorOf('TX'))).thenThrows(NotAMember, 'NOT_A_MEMBER');
    });

    it('needs a ratified state: NOT_RATIFIED for admitted and withdrawing members', () => {
      given().when(makePledge(100), as(coordinatorOf('NV'))).thenThrows(NotRatified, 'NOT_RATIFIED');
      given().when(makePledge(100, withMember('WA', 'withdrawing')), as(WA)).thenThrows(NotRatified, 'NOT_RATIFIED');
    });

    it('refuses a quantity that is not positive', () => given().when(makePledge(0), as(WA)).thenThrows(InvalidCommand, 'VALIDATION_FAILED'));

    it('withdraws the unreserved remainder and keeps what offers hold', () =>
      given(...pool, offerMade('o1', 'p1', 'r1', 'WA', 'CA', 30))
        .when({ type: 'WithdrawPledge', data: { pledgeId: 'p1' } }, as(WA))
        .then([{ type: 'PledgeWithdrawn', data: { pledgeId: 'p1', compactId: COMPACT, stateCode: 'WA', withdrawnHundredths: 7_000 } }]));

    it('lets only the pledging state withdraw its pledge', () =>
      given(...pool).when({ type: 'WithdrawPledge', data: { pledgeId: 'p1' } }, as(CA)).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('withdraws all of a pledge nothing holds', () =>
      given(...pool)
        .when({ type: 'WithdrawPledge', data: { pledgeId: 'p1' } }, as(WA))
        .then([{ type: 'PledgeWithdrawn', data: { pledgeId: 'p1', compactId: COMPACT, stateCode: 'WA', withdrawnHundredths: 10_000 } }]));
  });

  describe('requests', () => {
    it('records a request for the caller’s state', () => given().when(makeRequest(50)).then([requestMade('r1', 'CA', 50)]));

    it('needs a ratified state of an active compact', () => {
      given().when(makeRequest(50, withMember('CA', 'withdrawn'))).thenThrows(NotAMember, 'NOT_A_MEMBER');
      given().when(makeRequest(50, { ...active, status: 'draft' })).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE');
    });

    it('on cancellation declines the open offers, releasing them, and keeps accepted ones', () =>
      given(...agreed, offerMade('o2', 'p1', 'r1', 'WA', 'CA', 10))
        .when({ type: 'CancelRequest', data: { requestId: 'r1' } })
        .then([
          { type: 'RequestCancelled', data: { requestId: 'r1', compactId: COMPACT, stateCode: 'CA' } },
          { type: 'OfferDeclined', data: { offerId: 'o2', compactId: COMPACT, requestId: 'r1', pledgeId: 'p1', quantityHundredths: 1_000, stateCode: 'CA', reason: 'request cancelled' } },
        ]));

    it('lets only the requesting state cancel', () =>
      given(...pool).when({ type: 'CancelRequest', data: { requestId: 'r1' } }, as(WA)).thenThrows(NotAllowed, 'FORBIDDEN'));
  });

  describe('offers', () => {
    it('reserve pledge capacity for one request', () =>
      given(...pool)
        .when(makeOffer(30, { offerId: 'o1', costEstimate: { amountCents: 123_456, currency: 'USD' }, terms: 'crews included' }), as(WA))
        .then([
          {
            ...offerMade('o1', 'p1', 'r1', 'WA', 'CA', 30),
            data: { ...(offerMade('o1', 'p1', 'r1', 'WA', 'CA', 30).data as object), costEstimate: { amountCents: 123_456, currency: 'USD' }, terms: 'crews included' },
          } as ResourcePoolEvent,
        ]));

    it('may use the whole unreserved remainder', () =>
      given(...pool, offerMade('o1', 'p1', 'r1', 'WA', 'CA', 60))
        .when(makeOffer(40, { offerId: 'o2' }), as(WA))
        .then([offerMade('o2', 'p1', 'r1', 'WA', 'CA', 40)]));

    it('INSUFFICIENT_PLEDGE beyond the pledge’s unreserved remainder (open and accepted offers both hold it)', () =>
      given(...agreed, offerMade('o2', 'p1', 'r1', 'WA', 'CA', 60)).when(makeOffer(10.01), as(WA)).thenThrows(InsufficientPledge, 'INSUFFICIENT_PLEDGE'));

    it('capacity comes back when an offer is declined or withdrawn', () =>
      given(
        ...pool,
        offerMade('o1', 'p1', 'r1', 'WA', 'CA', 60),
        { type: 'OfferDeclined', data: { offerId: 'o1', compactId: COMPACT, requestId: 'r1', pledgeId: 'p1', quantityHundredths: 6_000, stateCode: 'CA' } },
        offerMade('o2', 'p1', 'r1', 'WA', 'CA', 40),
        { type: 'OfferWithdrawn', data: { offerId: 'o2', compactId: COMPACT, requestId: 'r1', pledgeId: 'p1', quantityHundredths: 4_000, stateCode: 'WA' } },
      )
        .when(makeOffer(100, { offerId: 'o3' }), as(WA))
        .then([offerMade('o3', 'p1', 'r1', 'WA', 'CA', 100)]));

    it('INSUFFICIENT_PLEDGE from a withdrawn pledge, even after its offers are released', () =>
      given(
        ...pool,
        offerMade('o1', 'p1', 'r1', 'WA', 'CA', 60),
        { type: 'PledgeWithdrawn', data: { pledgeId: 'p1', compactId: COMPACT, stateCode: 'WA', withdrawnHundredths: 4_000 } },
        { type: 'OfferWithdrawn', data: { offerId: 'o1', compactId: COMPACT, requestId: 'r1', pledgeId: 'p1', quantityHundredths: 6_000, stateCode: 'WA' } },
      )
        .when(makeOffer(1), as(WA))
        .thenThrows(InsufficientPledge, 'INSUFFICIENT_PLEDGE'));

    it('RESOURCE_MISMATCH for a pledge counted in another unit', () =>
      given(pledgeMade('p1', 'WA', 100, 'crew-days'), requestMade('r1', 'CA', 50, 'each'))
        .when(makeOffer(10), as(WA))
        .thenThrows(ResourceMismatch, 'RESOURCE_MISMATCH'));

    it('RESOURCE_MISMATCH for a pledge of another resource type (it lives in another pool)', () =>
      given(...pool)
        .when(makeOffer(10, { pledgeId: 'p-generators', pledgeElsewhere: { stateCode: 'WA', compactId: COMPACT, resourceType: 'generator' } }), as(WA))
        .thenThrows(ResourceMismatch, 'RESOURCE_MISMATCH'));

    it('FORBIDDEN to offer another state’s pledge of another type', () =>
      given(...pool)
        .when(makeOffer(10, { pledgeId: 'p-generators', pledgeElsewhere: { stateCode: 'WA', compactId: COMPACT, resourceType: 'generator' } }), as(OR))
        .thenThrows(NotAllowed, 'FORBIDDEN'));

    it('NOT_FOUND for a pledge that exists nowhere', () =>
      given(...pool).when(makeOffer(10, { pledgeId: 'nope' }), as(WA)).thenThrows(PoolEntityNotFound, 'NOT_FOUND'));

    it('NOT_FOUND for a request that is not in this pool', () =>
      given(...pool).when(makeOffer(10, { requestId: 'nope' }), as(WA)).thenThrows(PoolEntityNotFound, 'NOT_FOUND'));

    it('SELF_FULFILMENT for the requester’s own pledge', () =>
      given(pledgeMade('p1', 'CA', 100), requestMade('r1', 'CA', 50)).when(makeOffer(10)).thenThrows(SelfFulfilment, 'SELF_FULFILMENT'));

    it('REQUEST_CLOSED once the request is cancelled', () =>
      given(...pool, { type: 'RequestCancelled', data: { requestId: 'r1', compactId: COMPACT, stateCode: 'CA' } })
        .when(makeOffer(10), as(WA))
        .thenThrows(RequestClosed, 'REQUEST_CLOSED'));

    it('REQUEST_CLOSED once accepted offers meet the request', () =>
      given(...pool, offerMade('o1', 'p1', 'r1', 'WA', 'CA', 50), offerAccepted('o1', 'p1', 'r1', 'WA', 'CA', 50))
        .when(makeOffer(10), as(WA))
        .thenThrows(RequestClosed, 'REQUEST_CLOSED'));

    it('FORBIDDEN to offer from another state’s pledge', () =>
      given(...pool, pledgeMade('p2', 'OR', 100)).when(makeOffer(10), as(OR)).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('lets an API key with resources:write offer for its state, and refuses a read key', () => {
      given(...pool).when(makeOffer(10, { offerId: 'o1' }), as(apiKey('WA', ['resources:write']))).then([offerMade('o1', 'p1', 'r1', 'WA', 'CA', 10)]);
      given(...pool).when(makeOffer(10, { offerId: 'o1' }), as(apiKey('WA', ['read']))).thenThrows(NotAllowed, 'FORBIDDEN');
    });

    it('NOT_A_MEMBER or NOT_RATIFIED when either state is no longer ratified', () => {
      given(...pool).when(makeOffer(10, { compact: withMember('WA', 'withdrawn') }), as(WA)).thenThrows(NotAMember, 'NOT_A_MEMBER');
      given(...pool).when(makeOffer(10, { compact: withMember('CA', 'withdrawing') }), as(WA)).thenThrows(NotRatified, 'NOT_RATIFIED');
    });

    it('COMPACT_NOT_ACTIVE once the compact is dissolved', () =>
      given(...pool).when(makeOffer(10, { compact: { ...active, status: 'dissolved' } }), as(WA)).thenThrows(CompactNotActive, 'COMPACT_NOT_ACTIVE'));
  });

  describe('acceptance', () => {
    const offered = [...pool, offerMade('o1', 'p1', 'r1', 'WA', 'CA', 30)];

    it('by the requesting state makes the offer binding', () =>
      given(...offered).when(accept('o1')).then([offerAccepted('o1', 'p1', 'r1', 'WA', 'CA', 30)]));

    it('by the requesting state’s resources:write key too', () =>
      given(...offered).when(accept('o1'), as(apiKey('CA', ['resources:write']))).then([offerAccepted('o1', 'p1', 'r1', 'WA', 'CA', 30)]));

    it('EXCEEDS_REQUEST when it would take accepted quantity past the request', () =>
      given(...agreed, pledgeMade('p2', 'OR', 100), offerMade('o2', 'p2', 'r1', 'OR', 'CA', 20.01))
        .when(accept('o2'))
        .thenThrows(ExceedsRequest, 'EXCEEDS_REQUEST'));

    it('may fill the request exactly', () =>
      given(...agreed, pledgeMade('p2', 'OR', 100), offerMade('o2', 'p2', 'r1', 'OR', 'CA', 20))
        .when(accept('o2'))
        .then([offerAccepted('o2', 'p2', 'r1', 'OR', 'CA', 20)]));

    it('is FORBIDDEN to the offering state', () => given(...offered).when(accept('o1'), as(WA)).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('OFFER_NOT_OPEN for a declined or already accepted offer', () => {
      given(...agreed).when(accept('o1')).thenThrows(OfferNotOpen, 'OFFER_NOT_OPEN');
      given(...offered, { type: 'OfferDeclined', data: { offerId: 'o1', compactId: COMPACT, requestId: 'r1', pledgeId: 'p1', quantityHundredths: 3_000, stateCode: 'CA' } })
        .when(accept('o1'))
        .thenThrows(OfferNotOpen, 'OFFER_NOT_OPEN');
    });

    it('binds only ratified states: NOT_A_MEMBER when either side has withdrawn', () => {
      given(...offered).when(accept('o1', withMember('CA', 'withdrawn'))).thenThrows(NotAMember, 'NOT_A_MEMBER');
      given(...offered).when(accept('o1', withMember('WA', 'withdrawn'))).thenThrows(NotAMember, 'NOT_A_MEMBER');
    });

    it('NOT_FOUND for an unknown offer', () => given(...pool).when(accept('nope')).thenThrows(PoolEntityNotFound, 'NOT_FOUND'));
  });

  describe('declining and withdrawing offers', () => {
    const offered = [...pool, offerMade('o1', 'p1', 'r1', 'WA', 'CA', 30)];
    const decline: ResourcePoolCommand = { type: 'DeclineOffer', data: { offerId: 'o1', reason: 'sourced locally' } };
    const withdraw: ResourcePoolCommand = { type: 'WithdrawOffer', data: { offerId: 'o1' } };

    it('the requesting state declines an open offer, releasing it', () =>
      given(...offered)
        .when(decline)
        .then([{ type: 'OfferDeclined', data: { offerId: 'o1', compactId: COMPACT, requestId: 'r1', pledgeId: 'p1', quantityHundredths: 3_000, stateCode: 'CA', reason: 'sourced locally' } }]));

    it('only the requesting state declines', () => given(...offered).when(decline, as(WA)).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('an accepted offer is binding: it can be neither declined nor withdrawn', () => {
      given(...agreed).when(decline).thenThrows(OfferNotOpen, 'OFFER_NOT_OPEN');
      given(...agreed).when(withdraw, as(WA)).thenThrows(OfferNotOpen, 'OFFER_NOT_OPEN');
    });

    it('the offering state withdraws before acceptance, releasing it', () =>
      given(...offered)
        .when(withdraw, as(WA))
        .then([{ type: 'OfferWithdrawn', data: { offerId: 'o1', compactId: COMPACT, requestId: 'r1', pledgeId: 'p1', quantityHundredths: 3_000, stateCode: 'WA' } }]));

    it('only the offering state withdraws', () => given(...offered).when(withdraw, as(CA)).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('repeating a decline records nothing', () =>
      given(...offered, { type: 'OfferDeclined', data: { offerId: 'o1', compactId: COMPACT, requestId: 'r1', pledgeId: 'p1', quantityHundredths: 3_000, stateCode: 'CA' } })
        .when(decline)
        .then([]));
  });

  describe('receipt and reimbursement', () => {
    it('the requesting state confirms receipt after acceptance', () =>
      given(...agreed)
        .when({ type: 'ConfirmReceipt', data: { offerId: 'o1' } })
        .then([{ type: 'OfferReceived', data: { offerId: 'o1', compactId: COMPACT, requestId: 'r1', stateCode: 'CA' } }]));

    it('OFFER_NOT_ACCEPTED for receipt of an open offer', () =>
      given(...pool, offerMade('o1', 'p1', 'r1', 'WA', 'CA', 30))
        .when({ type: 'ConfirmReceipt', data: { offerId: 'o1' } })
        .thenThrows(OfferNotAccepted, 'OFFER_NOT_ACCEPTED'));

    it('the offering state claims reimbursement whose categories sum to the amount', () =>
      given(...agreed).when(claim(150_000, { personnel: 100_000, travel: 50_000 }), as(WA)).then([claimed('rb1', 'o1')]));

    it('sums categories in cents, so 0.1 + 0.2 is exactly 0.3', () =>
      given(...agreed)
        .when(claim(30, { personnel: 10, travel: 20 }), as(apiKey('WA', ['resources:write'])))
        .then([
          {
            type: 'ReimbursementClaimed',
            data: { reimbursementId: 'rb1', offerId: 'o1', compactId: COMPACT, stateCode: 'WA', payerState: 'CA', amountCents: 30, currency: 'USD', categoriesCents: { personnel: 10, travel: 20 } },
          },
        ]));

    it('CATEGORIES_DO_NOT_SUM when the categories miss the amount by a cent', () =>
      given(...agreed).when(claim(150_000, { personnel: 100_000, travel: 49_999 }), as(WA)).thenThrows(CategoriesDoNotSum, 'CATEGORIES_DO_NOT_SUM'));

    it('OFFER_NOT_ACCEPTED for a claim on an open offer', () =>
      given(...pool, offerMade('o1', 'p1', 'r1', 'WA', 'CA', 30))
        .when(claim(100, { other: 100 }), as(WA))
        .thenThrows(OfferNotAccepted, 'OFFER_NOT_ACCEPTED'));

    it('only the offering state claims', () => given(...agreed).when(claim(100, { other: 100 }), as(CA)).thenThrows(NotAllowed, 'FORBIDDEN'));

    it('the requesting state approves, then pays', () => {
      given(...agreed, claimed('rb1', 'o1'))
        .when({ type: 'ApproveReimbursement', data: { reimbursementId: 'rb1' } })
        .then([{ type: 'ReimbursementApproved', data: { reimbursementId: 'rb1', offerId: 'o1', compactId: COMPACT, stateCode: 'CA' } }]);
      given(...agreed, claimed('rb1', 'o1'), { type: 'ReimbursementApproved', data: { reimbursementId: 'rb1', offerId: 'o1', compactId: COMPACT, stateCode: 'CA' } })
        .when({ type: 'PayReimbursement', data: { reimbursementId: 'rb1' } })
        .then([{ type: 'ReimbursementPaid', data: { reimbursementId: 'rb1', offerId: 'o1', compactId: COMPACT, stateCode: 'CA' } }]);
    });

    it('REIMBURSEMENT_NOT_APPROVED for paying a claim not yet approved', () =>
      given(...agreed, claimed('rb1', 'o1'))
        .when({ type: 'PayReimbursement', data: { reimbursementId: 'rb1' } })
        .thenThrows(ReimbursementNotApproved, 'REIMBURSEMENT_NOT_APPROVED'));

    it('the offering state can neither approve nor pay its own claim', () => {
      given(...agreed, claimed('rb1', 'o1')).when({ type: 'ApproveReimbursement', data: { reimbursementId: 'rb1' } }, as(WA)).thenThrows(NotAllowed, 'FORBIDDEN');
      given(...agreed, claimed('rb1', 'o1')).when({ type: 'PayReimbursement', data: { reimbursementId: 'rb1' } }, as(WA)).thenThrows(NotAllowed, 'FORBIDDEN');
    });

    // Receipt, claims, approval and payment carry no membership facts: an agreement binds the
    // two states whatever happens to their membership afterwards.
    it('obligations survive withdrawal: settlement needs no ratified membership', () => {
      given(...agreed).when(claim(100, { equipment: 100 }), as(WA)).then([
        {
          type: 'ReimbursementClaimed',
          data: { reimbursementId: 'rb1', offerId: 'o1', compactId: COMPACT, stateCode: 'WA', payerState: 'CA', amountCents: 100, currency: 'USD', categoriesCents: { equipment: 100 } },
        },
      ]);
    });
  });
});
