import { applyDecorators, Injectable } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiOperationOptions, ApiResponseOptions } from '@nestjs/swagger';
import { memberStatusOf, membershipReadsResources, NotAllowed, PoolEntity, PoolEntityNotFound } from '@coalition/domain';
import { Access } from '../common/auth/access.decorator';
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
    if (!membershipReadsResources(status)) {
      throw new NotAllowed(`Only member states of compact ${compactId}, auditors and admins read its resources`);
    }
  }

  /** The entity as found by id, if the principal may read its compact's resources; 404 when there is none. */
  async readable<T extends { compactId: string }>(principal: Principal, kind: PoolEntity, id: string, found: T | undefined): Promise<T> {
    if (!found) throw new PoolEntityNotFound(kind, id);
    await this.assertMayRead(principal, found.compactId);
    return found;
  }
}

/** A route that reads a compact's resources: its policy admits keys with `read` or `resources:write`. */
export const ReadsResources = (operation: ApiOperationOptions, response: ApiResponseOptions): MethodDecorator =>
  applyDecorators(ApiOperation(operation), Access({ scopes: ['read', 'resources:write'] }), ApiOkResponse(response));
