import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Database } from '@coalition/platform';
import { AuditCheckpoint, listAuditCheckpoints } from '@coalition/read-side';
import { Access } from '../../common/auth/access.decorator';
import { LimitQuery } from '../audit-events.query.dto';
import { AuditCheckpointResponse } from '../audit.response.dto';

@ApiTags('audit')
@Controller('audit/checkpoints')
export class ListAuditCheckpointsController {
  constructor(private readonly db: Database) {}

  @Get()
  @ApiOperation({ summary: 'List published chain checkpoints' })
  @Access({ roles: ['auditor', 'admin'] })
  @ApiOkResponse({ type: [AuditCheckpointResponse], description: 'Chain heads the worker verified and published to coalition.audit-checkpoints.v1, newest first: [{position, hash, time, publishedAt}]' })
  list(@Query() query: LimitQuery): Promise<AuditCheckpoint[]> {
    return listAuditCheckpoints(this.db, Number(query.limit ?? 100));
  }
}
