import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { mayReadEvent } from '@coalition/domain';
import { EventStore, InclusionProof, TransparencyLog } from '@coalition/event-store';
import { readableEvent, ReaderFactsGatherer } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Principal } from '../../common/auth/principal';
import { problem, ProblemException } from '../../common/http/problem';
import { defaultTreeSize, proving } from '../tree-size';
import { InclusionProofQuery, InclusionProofResponse } from '../transparency.dto';

@ApiTags('audit')
@Controller('audit/proofs/inclusion')
export class ProveInclusionController {
  constructor(
    private readonly log: TransparencyLog,
    private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: "Prove an event's inclusion in the log" })
  @Access({ scopes: ['read', 'resources:write', 'legal:read'] })
  @ApiOkResponse({
    type: InclusionProofResponse,
    description:
      "RFC 9162 inclusion proof of the event at `position` in the tree of `treeSize` leaves (default: the latest checkpoint's). Auditors and admins may prove any event; other principals the events they may read (a state proves its own vote)",
  })
  async prove(@Query() query: InclusionProofQuery, @CurrentPrincipal() principal: Principal): Promise<InclusionProof> {
    const position = Number(query.position);
    const [event] = await this.store.readAll(position - 1, 1);
    if (!event || event.position !== position) throw new ProblemException(problem(404, 'NOT_FOUND', `No event at position ${position}`));
    const facts = await new ReaderFactsGatherer(this.store, principal).forPage([event]);
    if (!mayReadEvent(principal, readableEvent(event), facts)) {
      throw new ProblemException(problem(403, 'FORBIDDEN', `You may not read the event at position ${position}, so you cannot have its proof`));
    }
    const treeSize = query.treeSize ? Number(query.treeSize) : Math.max(await defaultTreeSize(this.log), position);
    return proving('treeSize', () => this.log.inclusion(position, treeSize));
  }
}
