import { Projection } from '../projections/projection';
import { apiKeysProjection } from './api-keys/api-keys.projection';
import { legalActionsProjection } from './legal-actions/legal-actions.projection';
import { memberStatesProjection } from './member-states/member-states.projection';
import { resourceSharingProjection } from './resource-sharing/resource-sharing.projection';
import { usersProjection } from './users/users.projection';
import { compactsProjection } from './compacts/compacts.projection';
import { proposalsProjection } from './proposals/proposals.projection';
import { webhooksProjection } from './webhooks/webhooks.projection';

export * from './api-keys/api-keys.repository';
export { apiKeyIssuer } from './api-keys/api-keys.projection';
export * from './legal-actions/legal-actions.repository';
export * from './member-states/member-states.repository';
export * from './users/users.repository';
export * from './compacts/compacts.repository';
export * from './proposals/proposals.repository';
export * from './resource-sharing/resource-sharing.repository';
export * from './webhooks/webhooks.repository';

/** Every projection the worker runs, rebuilds and the api waits for. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  memberStatesProjection,
  usersProjection,
  apiKeysProjection,
  legalActionsProjection,
  compactsProjection,
  proposalsProjection,
  resourceSharingProjection,
  webhooksProjection,
];
