import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuditExportFormat } from '@coalition/infra';
import { AuditFilterQuery } from '../audit-events.query.dto';

export class ExportAuditEventsQuery extends AuditFilterQuery {
  @ApiPropertyOptional({ enum: ['ndjson', 'csv'], description: 'ndjson (default): one audit item per line; csv: one row per event, data as JSON' })
  @IsOptional()
  @IsIn(['ndjson', 'csv'])
  format?: AuditExportFormat;
}
