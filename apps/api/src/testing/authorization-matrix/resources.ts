import { compact } from './compacts';
import { AccessTable, AuthenticatedKind, MatrixContext, PrincipalKind } from './matrix';

/**
 * Resource sharing. Writes are for the coordinator of a state and its `resources:write` key,
 * and the domain lets a state act only on its own side of an exchange: the acting state's
 * coordinator and key get through, the other state's coordinator meets the domain's 403
 * wherever it would act on the acting state's pledge, request, offer or reimbursement. On
 * pledges and requests it files for itself in a compact it has ratified, so it gets through.
 *
 * Everything is set up in real HTTP calls by the coordinators whose side it is. A principal
 * that may act consumes what it acts on (an accepted offer cannot be accepted again), so it
 * gets fresh objects; the refused ones share one set, which a refusal leaves untouched.
 */
const WRITERS = ['coordinator', 'key:resources:write'] as const satisfies readonly AuthenticatedKind[];
const WRITERS_OF_BOTH_STATES = [...WRITERS, 'otherStateCoordinator'] as const satisfies readonly AuthenticatedKind[];
/** Member states' principals with a reading right, auditors and admins; not a `legal:read` key, nor an outsider. */
const READERS = ['admin', 'coordinator', 'counsel', 'auditor', 'key:read', 'key:resources:write'] as const satisfies readonly AuthenticatedKind[];

/** The acting state's side of an exchange is set up by its coordinator, the other side by the other state's. */
type Side = 'coordinator' | 'otherStateCoordinator';
const ACTING: Side = 'coordinator';
const OTHER: Side = 'otherStateCoordinator';

interface Written {
  id: string;
  position: number;
}

const cache = new WeakMap<MatrixContext, Map<string, Promise<unknown>>>();

/** Made once per matrix run. */
function once<T>(ctx: MatrixContext, key: string, make: () => Promise<T>): Promise<T> {
  let made = cache.get(ctx);
  if (!made) cache.set(ctx, (made = new Map()));
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as Promise<T>;
}

/** Fresh objects for a principal that may act on them, one shared set for those refused. */
function fixture<T>(ctx: MatrixContext, who: PrincipalKind, route: string, allowed: readonly AuthenticatedKind[], make: () => Promise<T>): Promise<T> {
  return (allowed as readonly PrincipalKind[]).includes(who) ? make() : once(ctx, route, make);
}

/** An active compact in which both the acting and the other state have ratified: both can share resources in it. */
const sharedCompact = (ctx: MatrixContext): Promise<string> => once(ctx, 'compact of both states', async () => (await compact(ctx, [ACTING, OTHER], [ACTING, OTHER])).id);

const written = (body: Record<string, unknown>): Written => ({ id: String(body.id), position: Number(body.position) });

/** A pool of its own for each fixture (a resource type nobody used yet), so no fixture sees another's offers. */
async function pledge(ctx: MatrixContext, side: Side, resourceType: string, compactId?: string): Promise<Written> {
  const id = compactId ?? (await sharedCompact(ctx));
  return written(await ctx.setUp(ctx.as(side), 'POST', `/api/v1/compacts/${id}/pledges`, { resourceType, unit: 'each', quantity: 10 }));
}

async function request(ctx: MatrixContext, side: Side, resourceType: string, compactId?: string): Promise<Written> {
  const id = compactId ?? (await sharedCompact(ctx));
  return written(await ctx.setUp(ctx.as(side), 'POST', `/api/v1/compacts/${id}/requests`, { resourceType, unit: 'each', quantity: 10, justification: 'Matrix' }));
}

const CLAIM = { amount: 1_250.5, currency: 'USD', categories: { personnel: 1_000, travel: 250.5 } };

/**
 * An offer from `offering`'s pledge on `requesting`'s request, taken as far as `upTo`: open,
 * accepted by the requesting state, or with a reimbursement the offering state claimed (and
 * the requesting state approved).
 */
async function exchange(
  ctx: MatrixContext,
  { requesting, offering, upTo }: { requesting: Side; offering: Side; upTo: 'offered' | 'accepted' | 'claimed' | 'approved' },
): Promise<{ offerId: string; reimbursementId?: string }> {
  const type = ctx.unique('kit');
  const [supply, need] = [await pledge(ctx, offering, type), await request(ctx, requesting, type)];
  const offer = written(await ctx.setUp(ctx.as(offering), 'POST', `/api/v1/requests/${need.id}/offers`, { pledgeId: supply.id, quantity: 4 }));
  if (upTo === 'offered') return { offerId: offer.id };
  await ctx.setUp(ctx.as(requesting), 'POST', `/api/v1/offers/${offer.id}/accept`, {}, 200);
  if (upTo === 'accepted') return { offerId: offer.id };
  const claim = written(await ctx.setUp(ctx.as(offering), 'POST', `/api/v1/offers/${offer.id}/reimbursements`, CLAIM));
  if (upTo === 'approved') await ctx.setUp(ctx.as(requesting), 'POST', `/api/v1/reimbursements/${claim.id}/approve`, {}, 200);
  return { offerId: offer.id, reimbursementId: claim.id };
}

/**
 * What the read rows look at: a compact of the acting state and a third state, both ratified,
 * with a pledge and an offer of the acting state on the third state's request. The other state
 * is deliberately NOT a member, so its coordinator must be refused each read.
 */
function readable(ctx: MatrixContext): Promise<{ compactId: string; pledgeId: string; requestId: string; offerId: string; position: number }> {
  return once(ctx, 'readable', async () => {
    const third = ctx.unusedStateCode();
    await ctx.setUp(ctx.admin, 'POST', '/api/v1/states', { code: third, name: `State ${third}`, population: 1_000_000 });
    const { caller: thirdCoordinator } = await ctx.user(ctx.unique('third.coordinator'), ['coordinator'], third);
    const drafted = await ctx.setUp(ctx.as(ACTING), 'POST', '/api/v1/compacts', {
      title: ctx.unique('compact'), purpose: 'Matrix', charter: { text: 'Article I.' },
      votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
      foundingStates: [ctx.actingState, third], minRatifications: 2,
    });
    const ratification = { kind: 'statute', reference: 'Matrix Act', enactedOn: '2026-01-01' };
    for (const coordinator of [ctx.as(ACTING), thirdCoordinator]) await ctx.setUp(coordinator, 'POST', `/api/v1/compacts/${drafted.id}/ratifications`, ratification, 200);
    const compactId = String(drafted.id);
    const supply = await pledge(ctx, ACTING, 'water-tanker', compactId);
    const need = written(await ctx.setUp(thirdCoordinator, 'POST', `/api/v1/compacts/${compactId}/requests`, {
      resourceType: 'water-tanker', unit: 'each', quantity: 10, justification: 'Matrix',
    }));
    const offer = written(await ctx.setUp(ctx.as(ACTING), 'POST', `/api/v1/requests/${need.id}/offers`, { pledgeId: supply.id, quantity: 4 }));
    return { compactId, pledgeId: supply.id, requestId: need.id, offerId: offer.id, position: offer.position };
  });
}

export const RESOURCES_ACCESS: AccessTable = {
  // Both states have ratified the compact: each files for itself (201).
  'POST /api/v1/compacts/:id/pledges': {
    allowed: WRITERS_OF_BOTH_STATES,
    prepare: async (ctx) => ({ path: `/api/v1/compacts/${await sharedCompact(ctx)}/pledges`, body: { resourceType: ctx.unique('kit'), unit: 'each', quantity: 3 } }),
  },
  'POST /api/v1/compacts/:id/requests': {
    allowed: WRITERS_OF_BOTH_STATES,
    prepare: async (ctx) => ({
      path: `/api/v1/compacts/${await sharedCompact(ctx)}/requests`,
      body: { resourceType: ctx.unique('kit'), unit: 'each', quantity: 3, justification: 'Matrix' },
    }),
  },
  // The acting state offers from its own pledge on the other state's request; the other state cannot offer the acting state's pledge.
  'POST /api/v1/requests/:id/offers': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const { supply, need } = await fixture(ctx, who, 'offer', WRITERS, async () => {
        const type = ctx.unique('kit');
        return { supply: await pledge(ctx, ACTING, type), need: await request(ctx, OTHER, type) };
      });
      return { path: `/api/v1/requests/${need.id}/offers`, body: { pledgeId: supply.id, quantity: 2 } };
    },
  },
  // The requesting (acting) state accepts, declines and confirms receipt of the other state's offer.
  'POST /api/v1/offers/:id/accept': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const { offerId } = await fixture(ctx, who, 'accept', WRITERS, () => exchange(ctx, { requesting: ACTING, offering: OTHER, upTo: 'offered' }));
      return { path: `/api/v1/offers/${offerId}/accept`, body: {} };
    },
  },
  'POST /api/v1/offers/:id/decline': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const { offerId } = await fixture(ctx, who, 'decline', WRITERS, () => exchange(ctx, { requesting: ACTING, offering: OTHER, upTo: 'offered' }));
      return { path: `/api/v1/offers/${offerId}/decline`, body: { reason: 'Sourced within the state' } };
    },
  },
  'POST /api/v1/offers/:id/receipt': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const { offerId } = await fixture(ctx, who, 'receipt', WRITERS, () => exchange(ctx, { requesting: ACTING, offering: OTHER, upTo: 'accepted' }));
      return { path: `/api/v1/offers/${offerId}/receipt`, body: {} };
    },
  },
  // The offering (acting) state withdraws its open offer, and claims reimbursement once the other state accepted.
  'POST /api/v1/offers/:id/withdraw': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const { offerId } = await fixture(ctx, who, 'withdraw offer', WRITERS, () => exchange(ctx, { requesting: OTHER, offering: ACTING, upTo: 'offered' }));
      return { path: `/api/v1/offers/${offerId}/withdraw`, body: {} };
    },
  },
  'POST /api/v1/offers/:id/reimbursements': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const { offerId } = await fixture(ctx, who, 'claim', WRITERS, () => exchange(ctx, { requesting: OTHER, offering: ACTING, upTo: 'accepted' }));
      return { path: `/api/v1/offers/${offerId}/reimbursements`, body: CLAIM };
    },
  },
  // The requesting (acting) state approves the other state's claim, and pays it once approved.
  'POST /api/v1/reimbursements/:id/approve': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const { reimbursementId } = await fixture(ctx, who, 'approve', WRITERS, () => exchange(ctx, { requesting: ACTING, offering: OTHER, upTo: 'claimed' }));
      return { path: `/api/v1/reimbursements/${reimbursementId}/approve`, body: {} };
    },
  },
  'POST /api/v1/reimbursements/:id/pay': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const { reimbursementId } = await fixture(ctx, who, 'pay', WRITERS, () => exchange(ctx, { requesting: ACTING, offering: OTHER, upTo: 'approved' }));
      return { path: `/api/v1/reimbursements/${reimbursementId}/pay`, body: {} };
    },
  },
  // The acting state withdraws its own pledge and cancels its own request.
  'POST /api/v1/pledges/:id/withdraw': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const supply = await fixture(ctx, who, 'withdraw pledge', WRITERS, () => pledge(ctx, ACTING, ctx.unique('kit')));
      return { path: `/api/v1/pledges/${supply.id}/withdraw`, body: {} };
    },
  },
  'POST /api/v1/requests/:id/cancel': {
    allowed: WRITERS,
    prepare: async (ctx, who) => {
      const need = await fixture(ctx, who, 'cancel', WRITERS, () => request(ctx, ACTING, ctx.unique('kit')));
      return { path: `/api/v1/requests/${need.id}/cancel`, body: {} };
    },
  },
  // Reads, in a compact of the acting state and a third one: the other state is no member (403).
  'GET /api/v1/compacts/:id/resources': {
    allowed: READERS,
    prepare: async (ctx) => {
      const { compactId, position } = await readable(ctx);
      return { path: `/api/v1/compacts/${compactId}/resources?minPosition=${position}` };
    },
  },
  'GET /api/v1/compacts/:id/pledges': {
    allowed: READERS,
    prepare: async (ctx) => {
      const { compactId, position } = await readable(ctx);
      return { path: `/api/v1/compacts/${compactId}/pledges?minPosition=${position}` };
    },
  },
  'GET /api/v1/compacts/:id/requests': {
    allowed: READERS,
    prepare: async (ctx) => {
      const { compactId, position } = await readable(ctx);
      return { path: `/api/v1/compacts/${compactId}/requests?minPosition=${position}` };
    },
  },
  'GET /api/v1/pledges/:id': {
    allowed: READERS,
    prepare: async (ctx) => {
      const { pledgeId, position } = await readable(ctx);
      return { path: `/api/v1/pledges/${pledgeId}?minPosition=${position}` };
    },
  },
  'GET /api/v1/requests/:id': {
    allowed: READERS,
    prepare: async (ctx) => {
      const { requestId, position } = await readable(ctx);
      return { path: `/api/v1/requests/${requestId}?minPosition=${position}` };
    },
  },
  'GET /api/v1/offers/:id': {
    allowed: READERS,
    prepare: async (ctx) => {
      const { offerId, position } = await readable(ctx);
      return { path: `/api/v1/offers/${offerId}?minPosition=${position}` };
    },
  },
};
