import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@coalition/event-store';
import { AuditEvent, toAuditEvent } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { AuditFilterQuery, filterOf, pageOf } from '../audit-events.query.dto';
import { AuditPageResponse } from '../audit.response.dto';

export interface AuditPage {
  events: AuditEvent[];
  /** Pass as `after` for the next page: the last position returned, or `after` itself when the page is empty. */
  nextAfter: number;
}

@ApiTags('audit')
@Controller('audit/events')
export class ListAuditEventsController {
  constructor(private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Read the audit log', description: 'Keyset pages over the global order, with filters.' })
  @Access({ roles: ['auditor', 'admin'] })
  @ApiOkResponse({ type: AuditPageResponse, description: 'In position order; credentials are withheld (redactedFields)' })
  async list(@Query() query: AuditFilterQuery): Promise<AuditPage> {
    const { after, limit } = pageOf(query);
    const events = await this.store.readAll(after, limit, filterOf(query));
    return { events: events.map(toAuditEvent), nextAfter: events.length > 0 ? events[events.length - 1].position : after };
  }
}
