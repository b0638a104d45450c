import { Injectable } from '@nestjs/common';
import { compactExists, CompactNotFound, ExistingCompact, MembershipFacts, PoolEntity, PoolEntityNotFound } from '@coalition/domain';
import { CompactFacts, ResourceLocation, ResourceLocator } from '@coalition/read-side';

/**
 * What resource-sharing handlers need from outside the pool stream: the compact's membership
 * (folded from the compact's own stream, so never stale) and where an id's pool stream is.
 * Membership is read before the decision and not re-read on a retry: it lives in another
 * aggregate, and a withdrawal racing an offer by milliseconds may land on either side of it.
 */
@Injectable()
export class ResourceSharingFacts {
  constructor(
    private readonly compacts: CompactFacts,
    private readonly locator: ResourceLocator,
  ) {}

  async compactState(compactId: string): Promise<ExistingCompact> {
    const { state } = await this.compacts.compact(compactId);
    if (!compactExists(state)) throw new CompactNotFound(compactId);
    return state;
  }

  async membership(compactId: string): Promise<MembershipFacts> {
    const state = await this.compactState(compactId);
    return {
      status: state.status,
      members: Object.fromEntries(Object.values(state.members).map((member) => [member.stateCode, member.status])),
    };
  }

  async locate(kind: PoolEntity, id: string): Promise<ResourceLocation> {
    const location = await this.locator.find(kind, id);
    if (!location) throw new PoolEntityNotFound(kind, id);
    return location;
  }

  find(kind: PoolEntity, id: string): Promise<ResourceLocation | undefined> {
    return this.locator.find(kind, id);
  }
}
