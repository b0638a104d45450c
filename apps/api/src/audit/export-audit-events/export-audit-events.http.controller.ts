import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@coalition/event-store';
import { AUDIT_EXPORT_CONTENT_TYPES, writeAuditExport } from '@coalition/read-side';
import { Response } from 'express';
import { Access } from '../../common/auth/access.decorator';
import { filterOf } from '../audit-events.query.dto';
import { validationProblem } from '../../common/http/problem';
import { ExportAuditEventsQuery } from './export-audit-events.query.dto';

@ApiTags('audit')
@Controller('audit/export')
export class ExportAuditEventsController {
  private readonly logger = new Logger(ExportAuditEventsController.name);

  constructor(private readonly store: EventStore) {}

  /** Every matching event (no limit: `limit` is ignored), streamed page by page as the client reads. */
  @Get()
  @ApiOperation({ summary: 'Export the audit log', description: 'As NDJSON or CSV, streamed.' })
  @Access({ roles: ['auditor', 'admin'] })
  @ApiOkResponse({
    description: 'Every event matching the filters of /audit/events, streamed with constant memory, as an attachment',
    content: {
      'application/x-ndjson': {
        schema: {
          type: 'string',
          description:
            'One AuditEvent (JSON) per line; with format=leaves, one leaf per line: the canonical bytes as hashed, or {leafHash, position, redactedFields} for an event holding credentials',
        },
      },
      'text/csv': { schema: { type: 'string', description: 'RFC 4180 CSV, one row per event, data as JSON' } },
    },
    headers: { 'Content-Disposition': { description: 'attachment; filename="coalition-audit-<time>.<format>"', schema: { type: 'string' } } },
  })
  async export(@Query() query: ExportAuditEventsQuery, @Res() response: Response): Promise<void> {
    const format = query.format ?? 'ndjson';
    const after = Number(query.after ?? 0);
    const filter = filterOf(query);
    if (format === 'leaves' && (Object.values(filter).some((v) => v !== undefined) || query.after !== undefined)) {
      throw validationProblem('format=leaves exports the whole log, from position 1: it takes no filters and no after', [{ field: 'format', message: 'leaves takes no filters' }]);
    }
    // Run the filter once before the status line goes out, so a fault in it (or in the database)
    // answers problem+json rather than cutting a 200 stream short.
    await this.store.readAll(after, 1, filter);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    response.status(200);
    response.setHeader('Content-Type', AUDIT_EXPORT_CONTENT_TYPES[format]);
    response.setHeader('Content-Disposition', `attachment; filename="coalition-audit-${stamp}.${format === 'leaves' ? 'leaves.ndjson' : format}"`);
    response.setHeader('Cache-Control', 'no-store');
    try {
      await writeAuditExport(this.store, response, { format, after, filter });
      response.end();
    } catch (error) {
      // The status line is gone already: cut the stream so the client sees an incomplete export.
      this.logger.error(`audit export failed: ${(error as Error).message}`);
      response.destroy(error as Error);
    }
  }
}
