import { AccessTable, EVERY_PRINCIPAL, MatrixContext, PUBLIC } from './matrix';

const AUDITORS = ['admin', 'auditor'] as const;

let proposal: Promise<string> | undefined;

/** One proposal for the decision-record row: a compact of the acting and the other state, both ratified. */
function aProposal(ctx: MatrixContext): Promise<string> {
  proposal ??= (async () => {
    const acting = ctx.as('coordinator');
    const compact = await ctx.setUp(acting, 'POST', '/api/v1/compacts', {
      title: ctx.unique('compact'),
      purpose: 'Matrix fixture',
      charter: { text: 'Article I.' },
      votingRule: { method: 'one-state-one-vote', quorum: 0.5, threshold: 'simple-majority' },
      foundingStates: [ctx.actingState, ctx.otherState],
    });
    for (const who of ['coordinator', 'otherStateCoordinator'] as const) {
      await ctx.setUp(ctx.as(who), 'POST', `/api/v1/compacts/${compact.id}/ratifications`, { kind: 'statute', reference: 'Matrix Act', enactedOn: '2026-03-01' }, 200);
    }
    const opened = await ctx.setUp(acting, 'POST', `/api/v1/compacts/${compact.id}/proposals`, {
      kind: 'resolution', title: 'Matrix resolution', text: 'Resolved.', closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    return String(opened.id);
  })();
  return proposal;
}

/** The position of an event every principal may read (a state's registration). */
async function aPublicEventPosition(ctx: MatrixContext): Promise<number> {
  const page = await ctx.setUp<{ events: { position: number }[] }>(ctx.admin, 'GET', '/api/v1/audit/events?type=StateRegistered&limit=1', undefined, 200);
  return page.events[0].position;
}

/**
 * The audit log is for auditors and admins only: no coordinator, counsel or API key. The
 * transparency log's checkpoint and proofs are for every principal (a proof only of what it
 * may read), and its verifier key and its witnesses' keys for anyone.
 */
export const AUDIT_ACCESS: AccessTable = {
  'GET /api/v1/audit/events': { allowed: AUDITORS },
  'GET /api/v1/audit/streams/:streamId': { allowed: AUDITORS, prepare: (ctx) => ({ path: `/api/v1/audit/streams/member-state-${ctx.actingState}` }) },
  'GET /api/v1/audit/verify': { allowed: AUDITORS },
  'GET /api/v1/audit/export': { allowed: AUDITORS, prepare: () => ({ path: '/api/v1/audit/export?format=csv&type=StateRegistered' }) },
  'GET /api/v1/audit/checkpoints': { allowed: AUDITORS },
  'GET /api/v1/audit/decisions/:proposalId': { allowed: AUDITORS, prepare: async (ctx) => ({ path: `/api/v1/audit/decisions/${await aProposal(ctx)}` }) },
  'GET /api/v1/audit/checkpoint': { allowed: EVERY_PRINCIPAL },
  'GET /api/v1/audit/log-key': { allowed: PUBLIC },
  'GET /api/v1/audit/witnesses': { allowed: PUBLIC },
  'GET /api/v1/audit/proofs/inclusion': {
    allowed: EVERY_PRINCIPAL,
    prepare: async (ctx) => ({ path: `/api/v1/audit/proofs/inclusion?position=${await aPublicEventPosition(ctx)}` }),
  },
  'GET /api/v1/audit/proofs/consistency': { allowed: EVERY_PRINCIPAL, prepare: () => ({ path: '/api/v1/audit/proofs/consistency?from=1' }) },
};
