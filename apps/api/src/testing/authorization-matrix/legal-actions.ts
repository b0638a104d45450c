import { AccessTable, MatrixContext } from './matrix';

/** Who may read legal actions: privileged, never a coordinator or a non-legal key. */
const LEGAL_READERS = ['admin', 'counsel', 'auditor', 'key:legal:read'] as const;

const FILING = { filedOn: '2026-03-02', docketNumber: '3:26-cv-00042', documentSha256: 'a'.repeat(64) };

/** A legal action led by the acting state's counsel (the matrix's only counsel), optionally already filed. */
async function actionOfActingState(ctx: MatrixContext, filed = false): Promise<string> {
  const counsel = ctx.as('counsel');
  const action = await ctx.setUp(counsel, 'POST', '/api/v1/legal-actions', {
    kind: 'amicus-brief',
    title: ctx.unique('brief'),
    summary: 'Matrix fixture',
    forum: 'U.S. Court of Appeals for the Ninth Circuit',
    signOnDeadline: new Date(Date.now() + 3_600_000).toISOString(),
  });
  if (filed) await ctx.setUp(counsel, 'POST', `/api/v1/legal-actions/${action.id}/filings`, FILING, 200);
  return String(action.id);
}

// Writes are counsel-only; within counsel, lead-only and signatory-only rules are the domain's
// (covered by apps/e2e/src/legal-actions.e2e.spec.ts). Here the matrix's counsel is the lead,
// so signing again is a 409 ALREADY_SIGNED and withdrawing the lead a 409: reached, not refused.
export const LEGAL_ACTIONS_ACCESS: AccessTable = {
  'POST /api/v1/legal-actions': {
    allowed: ['counsel'],
    prepare: (ctx) => ({
      body: { kind: 'lawsuit', title: ctx.unique('suit'), summary: 'Matrix', forum: 'D. Or.', signOnDeadline: new Date(Date.now() + 3_600_000).toISOString() },
    }),
  },
  'POST /api/v1/legal-actions/:id/signatories': {
    allowed: ['counsel'],
    prepare: async (ctx) => ({ path: `/api/v1/legal-actions/${await actionOfActingState(ctx)}/signatories`, body: {} }),
  },
  'DELETE /api/v1/legal-actions/:id/signatories/:code': {
    allowed: ['counsel'],
    prepare: async (ctx) => ({ path: `/api/v1/legal-actions/${await actionOfActingState(ctx)}/signatories/${ctx.actingState}` }),
  },
  'POST /api/v1/legal-actions/:id/filings': {
    allowed: ['counsel'],
    prepare: async (ctx) => ({ path: `/api/v1/legal-actions/${await actionOfActingState(ctx)}/filings`, body: FILING }),
  },
  'POST /api/v1/legal-actions/:id/developments': {
    allowed: ['counsel'],
    prepare: async (ctx) => ({
      path: `/api/v1/legal-actions/${await actionOfActingState(ctx, true)}/developments`,
      body: { kind: 'ruling', occurredOn: '2026-04-10', summary: 'Motion granted' },
    }),
  },
  'POST /api/v1/legal-actions/:id/close': {
    allowed: ['counsel'],
    prepare: async (ctx) => ({ path: `/api/v1/legal-actions/${await actionOfActingState(ctx)}/close`, body: { outcome: 'withdrawn', summary: 'Dropped' } }),
  },
  'GET /api/v1/legal-actions': { allowed: LEGAL_READERS },
  'GET /api/v1/legal-actions/:id': {
    allowed: LEGAL_READERS,
    prepare: async (ctx) => ({ path: `/api/v1/legal-actions/${await actionOfActingState(ctx)}` }),
  },
};
