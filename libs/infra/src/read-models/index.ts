import { Projection } from '../projections/projection';
import { memberStatesProjection } from './member-states/member-states.projection';
import { usersProjection } from './users/users.projection';
import { apiKeysProjection } from './api-keys/api-keys.projection';

export * from './member-states/member-states.repository';
export * from './users/users.repository';
export * from './api-keys/api-keys.repository';

/** Every projection the worker runs, rebuilds and the api waits for. */
export const ALL_PROJECTIONS: readonly Projection[] = [memberStatesProjection, usersProjection, apiKeysProjection];
