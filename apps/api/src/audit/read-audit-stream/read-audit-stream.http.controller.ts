import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore, toAuditEvent } from '@coalition/infra';
import { Access } from '../../common/auth/access.decorator';
import { problem, ProblemException } from '../../common/http/problem';
import { PageQuery, pageOf } from '../audit-events.query.dto';
import { AuditPage } from '../list-audit-events/list-audit-events.http.controller';
import { AuditPageResponse } from '../audit.response.dto';

@ApiTags('audit')
@Controller('audit/streams')
export class ReadAuditStreamController {
  constructor(private readonly store: EventStore) {}

  @Get(':streamId')
  @ApiOperation({ summary: "Read one aggregate's history" })
  @Access({ roles: ['auditor', 'admin'] })
  @ApiOkResponse({ type: AuditPageResponse, description: 'The audit items of one aggregate, in version order, paged like /audit/events; 404 for an unknown stream' })
  async read(@Param('streamId') streamId: string, @Query() query: PageQuery): Promise<AuditPage> {
    if (streamId.length > 200 || !(await this.store.lastOfStream(streamId))) {
      throw new ProblemException(problem(404, 'NOT_FOUND', `No stream ${streamId.slice(0, 200)}`));
    }
    const { after, limit } = pageOf(query);
    const events = await this.store.readAll(after, limit, { streamId });
    return { events: events.map(toAuditEvent), nextAfter: events.length > 0 ? events[events.length - 1].position : after };
  }
}
