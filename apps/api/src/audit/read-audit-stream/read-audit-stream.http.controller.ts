import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Database } from '@coalition/platform';
import { EventStore } from '@coalition/event-store';
import { ResourceLocator, toAuditEvent } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { problem, ProblemException } from '../../common/http/problem';
import { PageQuery, pageOf } from '../audit-events.query.dto';
import { AuditPage } from '../list-audit-events/list-audit-events.http.controller';
import { AuditStreamPageResponse } from '../audit.response.dto';
import { auditStreamOf } from './audit-stream-of';

@ApiTags('audit')
@Controller('audit/streams')
export class ReadAuditStreamController {
  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly locator: ResourceLocator,
  ) {}

  @Get(':streamId')
  @ApiOperation({
    summary: "Read one aggregate's history",
    description:
      'By its stream id (`compact-<id>`, as each aggregate\'s GET answers in `streamId`) or by any id the API hands out: a compact, proposal, ' +
      'pledge, request, offer, reimbursement, legal action, user, API key or webhook id, or a state code. A pledge, request, offer or ' +
      "reimbursement names its compact's resource pool, which holds it with the others of that resource type.",
  })
  @ApiParam({ name: 'streamId', description: 'A stream id, or the id of what it records', example: 'compact-3f0c2a6e-5b1d-4c8e-9a7f-2d6b8e1c0a94' })
  @Access({ roles: ['auditor', 'admin'] })
  @ApiOkResponse({ type: AuditStreamPageResponse, description: 'The audit items of one aggregate, in version order, paged like /audit/events, with the stream id resolved; 404 for an unknown id' })
  async read(@Param('streamId') id: string, @Query() query: PageQuery): Promise<AuditPage & { streamId: string }> {
    const streamId = id.length > 200 ? undefined : await auditStreamOf(this.db, this.locator, id);
    if (!streamId) throw new ProblemException(problem(404, 'NOT_FOUND', `No stream or aggregate ${id.slice(0, 200)}`));
    const { after, limit } = pageOf(query);
    const events = await this.store.readAll(after, limit, { streamId });
    return { streamId, events: events.map(toAuditEvent), nextAfter: events.length > 0 ? events[events.length - 1].position : after };
  }
}
