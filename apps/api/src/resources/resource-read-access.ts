import { Injectable } from '@nestjs/common';
import { memberStatusOf, NotAllowed } from '@coalition/domain';
import { Principal } from '../common/auth/principal';
import { ResourceSharingFacts } from './resource-sharing.facts';

/**
 * Who may read a compact's resources: auditors and admins, and any principal of a member state
 * (an `applied` state is not a member yet). Withdrawn states still read: their obligations
 * survive, and so must their view of them. The route's policy already refused API keys
 * without `read` or `resources:write`.
 */
@Injectable()
export class ResourceReadAccess {
  constructor(private readonly facts: ResourceSharingFacts) {}

  async assertMayRead(principal: Principal, compactId: string): Promise<void> {
    const state = await this.facts.compactState(compactId);
    if (principal.kind === 'user' && principal.roles.some((role) => role === 'admin' || role === 'auditor')) return;
    const status = principal.stateCode ? memberStatusOf(state, principal.stateCode) : undefined;
    if (!status || status === 'applied') {
      throw new NotAllowed(`Only member states of compact ${compactId}, auditors and admins read its resources`);
    }
  }
}
