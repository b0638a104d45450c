import { AccessTable, EVERY_PRINCIPAL } from './matrix';

export const MEMBER_STATES_ACCESS: AccessTable = {
  'POST /api/v1/states': {
    allowed: ['admin'],
    prepare: (ctx) => ({ body: { code: ctx.unusedStateCode(), name: 'New state', population: 1_000 } }),
  },
  'PATCH /api/v1/states/:code': {
    allowed: ['admin'],
    prepare: (ctx) => ({ path: `/api/v1/states/${ctx.actingState}`, body: { population: 1_000_000 + Math.floor(Math.random() * 1_000) } }),
  },
  'GET /api/v1/states': { allowed: EVERY_PRINCIPAL },
};
