import { SetMetadata } from '@nestjs/common';

/** Metadata key of a route's access policy; the api's access guard reads it. */
export const ACCESS_POLICY_KEY = 'coalition:access-policy';

/** Probes and scrapes need no credentials. */
export const PublicRoute = () => SetMetadata(ACCESS_POLICY_KEY, { public: true });
