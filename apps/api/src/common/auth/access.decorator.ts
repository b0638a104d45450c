import { SetMetadata } from '@nestjs/common';
import { ApiKeyScope, Role } from '@coalition/domain';
import { ACCESS_POLICY_KEY } from '@coalition/platform';

/**
 * Every route declares who may call it. A route without a policy is refused (and the
 * authorization matrix test fails), so a new route cannot be open by accident.
 */
export type AccessPolicy =
  | { public: true }
  | {
      public?: false;
      /** Any of these roles may call; omitted means any authenticated principal. */
      roles?: Role[];
      /** API keys with any of these scopes may call; omitted means no API key may. */
      scopes?: ApiKeyScope[];
    };

export const Access = (policy: AccessPolicy) => SetMetadata(ACCESS_POLICY_KEY, policy);
export const Public = () => Access({ public: true });
