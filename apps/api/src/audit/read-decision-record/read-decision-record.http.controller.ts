import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore, TransparencyLog } from '@coalition/event-store';
import { decisionRecord, DecisionRecord, withInclusionProofs } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { ReadQuery } from '../../common/http/list-query.dto';
import { problem, ProblemException } from '../../common/http/problem';
import { DecisionRecordResponse } from '../decision-record.response.dto';

@ApiTags('audit')
@Controller('audit/decisions')
export class ReadDecisionRecordController {
  constructor(
    private readonly store: EventStore,
    private readonly log: TransparencyLog,
  ) {}

  @Get(':proposalId')
  @ApiOperation({ summary: "Read a proposal's decision record" })
  @Access({ roles: ['auditor', 'admin'] })
  @ApiOkResponse({
    type: DecisionRecordResponse,
    description:
      "A proposal's decision from the event store: electorate (frozen at opening), every vote, the outcome and the compact events it caused, each with the eventId, position and hash of the event that recorded it; the tally recomputed and compared with the recorded one; each vote with its inclusion proof in the latest signed checkpoint",
  })
  async read(@Param('proposalId') proposalId: string, @Query() _query: ReadQuery): Promise<DecisionRecord> {
    const record = proposalId.length <= 100 ? await decisionRecord(this.store, proposalId) : undefined;
    if (!record) throw new ProblemException(problem(404, 'NOT_FOUND', `No proposal ${proposalId.slice(0, 100)}`));
    return withInclusionProofs(record, this.log);
  }
}
