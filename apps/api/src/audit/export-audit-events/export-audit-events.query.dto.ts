import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuditExportFormat } from '@coalition/read-side';
import { AuditFilterQuery } from '../audit-events.query.dto';

export class ExportAuditEventsQuery extends AuditFilterQuery {
  @ApiPropertyOptional({
    enum: ['ndjson', 'csv', 'leaves'],
    description:
      "ndjson (default): one audit item per line; csv: one row per event, data as JSON; leaves: the whole log as the transparency log's leaves, one event's canonical bytes per line, exactly as hashed (for npm run audit:verify -- --export); takes no filters",
  })
  @IsOptional()
  @IsIn(['ndjson', 'csv', 'leaves'])
  format?: AuditExportFormat;
}
