import { AccessTable, EVERY_PRINCIPAL, MatrixContext, PUBLIC } from './matrix';

/** A loopback port nothing listens on, subscribed to an event the matrix never causes: nothing is ever sent anywhere else. */
const WEBHOOK = { url: 'http://127.0.0.1:9/matrix', eventTypes: ['CompactDissolved'], secret: 'matrix webhook secret' };

/** A webhook owned by the acting state's coordinator: its path, and the query that waits until it can be read. */
async function coordinatorsWebhook(ctx: MatrixContext): Promise<{ path: string; query: string }> {
  const created = await ctx.setUp(ctx.as('coordinator'), 'POST', '/api/v1/webhooks', WEBHOOK);
  return { path: `/api/v1/webhooks/${created.id}`, query: `?minPosition=${created.position}` };
}

// Webhooks belong to whoever registered them: the owner and admins manage and read them; the
// other state's coordinator meets a 403 on the acting coordinator's webhook. The feed is for
// every principal (each sees what it may read), the AsyncAPI document and the problem pages for anyone.
export const INTEGRATION_ACCESS: AccessTable = {
  'GET /api/v1/events': { allowed: EVERY_PRINCIPAL },
  'POST /api/v1/webhooks': { allowed: ['admin', 'coordinator', 'otherStateCoordinator'], prepare: () => ({ body: WEBHOOK }) },
  'GET /api/v1/webhooks': { allowed: ['admin', 'coordinator', 'otherStateCoordinator'] },
  'GET /api/v1/webhooks/:id': {
    allowed: ['admin', 'coordinator'],
    prepare: async (ctx) => {
      const webhook = await coordinatorsWebhook(ctx);
      return { path: webhook.path + webhook.query };
    },
  },
  'DELETE /api/v1/webhooks/:id': {
    allowed: ['admin', 'coordinator'],
    prepare: async (ctx) => ({ path: (await coordinatorsWebhook(ctx)).path }),
  },
  'POST /api/v1/webhooks/:id/enable': {
    allowed: ['admin', 'coordinator'],
    prepare: async (ctx) => ({ path: `${(await coordinatorsWebhook(ctx)).path}/enable`, body: {} }),
  },
  'POST /api/v1/webhooks/:id/secret-rotations': {
    allowed: ['admin', 'coordinator'],
    prepare: async (ctx) => ({ path: `${(await coordinatorsWebhook(ctx)).path}/secret-rotations`, body: { gracePeriodSeconds: 60 } }),
  },
  'GET /api/v1/webhooks/:id/deliveries': {
    allowed: ['admin', 'coordinator'],
    prepare: async (ctx) => {
      const webhook = await coordinatorsWebhook(ctx);
      return { path: `${webhook.path}/deliveries${webhook.query}` };
    },
  },
  'GET /asyncapi.yaml': { allowed: PUBLIC },
  'GET /api/v1/problems/:code': { allowed: PUBLIC, prepare: () => ({ path: '/api/v1/problems/insufficient-pledge' }) },
};
