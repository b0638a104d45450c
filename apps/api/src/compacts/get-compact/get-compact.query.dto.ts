import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { ReadQuery } from '../../common/http/list-query.dto';

export class GetCompactQuery extends ReadQuery {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-03-01T00:00:00Z', description: 'The compact as it stood at this time, folded from the event store' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
