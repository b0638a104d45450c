import { AccessTable, AuthenticatedKind, EVERY_PRINCIPAL, MatrixContext } from './matrix';

/**
 * Compacts and proposals. Every command acts for the caller's own state, so a coordinator of
 * another state is refused only where it would act for the acting state's doing (drafting
 * a compact it does not found: 403; closing a proposal it did not make: 403). Elsewhere it
 * acts for its own state and meets that state's rule instead (a 409 such as NOT_A_MEMBER),
 * which the matrix counts as let through. Each row's compact is fresh, so calls do not collide.
 */
const RULE = { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' };
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** A compact founded by `founders` (the first drafts it), ratified by `ratifying`; answers its id and last position. */
async function compact(ctx: MatrixContext, founders: AuthenticatedKind[], ratifying: AuthenticatedKind[] = []): Promise<{ id: string; position: number }> {
  const codes = founders.map((who) => (who === 'otherStateCoordinator' ? ctx.otherState : ctx.actingState));
  const drafted = await ctx.setUp(ctx.as(founders[0]), 'POST', '/api/v1/compacts', {
    title: ctx.unique('compact'), purpose: 'Matrix', charter: { text: 'Article I.' }, votingRule: RULE,
    foundingStates: codes, minRatifications: Math.max(1, ratifying.length),
  });
  let position = Number(drafted.position);
  for (const who of ratifying) {
    const ratified = await ctx.setUp(ctx.as(who), 'POST', `/api/v1/compacts/${drafted.id}/ratifications`, { kind: 'statute', reference: 'Matrix Act', enactedOn: '2026-01-01' }, 200);
    position = Number(ratified.position);
  }
  return { id: String(drafted.id), position };
}

const BOTH: AuthenticatedKind[] = ['coordinator', 'otherStateCoordinator'];

export const COMPACTS_ACCESS: AccessTable = {
  // Only a founding state drafts: the other state's coordinator meets the domain's 403.
  'POST /api/v1/compacts': {
    allowed: ['coordinator'],
    prepare: (ctx) => ({
      body: { title: ctx.unique('compact'), purpose: 'Matrix', charter: { text: 'Article I.' }, votingRule: RULE, foundingStates: [ctx.actingState], minRatifications: 1 },
    }),
  },
  'GET /api/v1/compacts': { allowed: EVERY_PRINCIPAL },
  'GET /api/v1/compacts/:id': {
    allowed: EVERY_PRINCIPAL,
    prepare: async (ctx) => {
      const { id, position } = await compact(ctx, ['coordinator']);
      return { path: `/api/v1/compacts/${id}?minPosition=${position}` };
    },
  },
  'POST /api/v1/compacts/:id/ratifications': {
    allowed: BOTH,
    prepare: async (ctx) => ({
      path: `/api/v1/compacts/${(await compact(ctx, BOTH)).id}/ratifications`,
      body: { kind: 'statute', reference: 'Matrix Act', enactedOn: '2026-01-01' },
    }),
  },
  'POST /api/v1/compacts/:id/join-requests': {
    allowed: BOTH,
    prepare: async (ctx) => ({ path: `/api/v1/compacts/${(await compact(ctx, ['otherStateCoordinator'], ['otherStateCoordinator'])).id}/join-requests`, body: {} }),
  },
  'POST /api/v1/compacts/:id/withdrawals': {
    allowed: BOTH,
    prepare: async (ctx) => ({ path: `/api/v1/compacts/${(await compact(ctx, BOTH, BOTH)).id}/withdrawals`, body: { reason: 'Matrix' } }),
  },
  'POST /api/v1/compacts/:id/proposals': {
    allowed: BOTH,
    prepare: async (ctx) => ({
      path: `/api/v1/compacts/${(await compact(ctx, BOTH, BOTH)).id}/proposals`,
      body: { kind: 'resolution', title: 'Matrix', text: 'Resolved.', closesAt: inAnHour() },
    }),
  },
  'GET /api/v1/compacts/:id/proposals': {
    allowed: EVERY_PRINCIPAL,
    prepare: async (ctx) => {
      const { id, position } = await compact(ctx, ['coordinator']);
      return { path: `/api/v1/compacts/${id}/proposals?minPosition=${position}` };
    },
  },
  'POST /api/v1/proposals/:id/votes': {
    allowed: BOTH,
    prepare: async (ctx) => ({ path: `/api/v1/proposals/${await proposal(ctx)}/votes`, body: { choice: 'yes' } }),
  },
  // The proposing state's coordinator or an admin (here before closesAt: 409 PROPOSAL_STILL_OPEN, past the checks).
  'POST /api/v1/proposals/:id/close': {
    allowed: ['admin', 'coordinator'],
    prepare: async (ctx) => ({ path: `/api/v1/proposals/${await proposal(ctx)}/close`, body: {} }),
  },
  'GET /api/v1/proposals/:id': {
    allowed: EVERY_PRINCIPAL,
    prepare: async (ctx) => ({ path: `/api/v1/proposals/${await proposal(ctx)}` }),
  },
};

/** A resolution the acting state proposed in a compact both states ratified (three states in the electorate would never all vote here). */
async function proposal(ctx: MatrixContext): Promise<string> {
  const { id } = await compact(ctx, BOTH, BOTH);
  const opened = await ctx.setUp(ctx.as('coordinator'), 'POST', `/api/v1/compacts/${id}/proposals`, {
    kind: 'resolution', title: 'Matrix', text: 'Resolved.', closesAt: inAnHour(),
  });
  return String(opened.id);
}
