import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class JoinCompactRequest {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-06-01T17:00:00Z', description: 'When the admission vote closes; default 7 days from now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string;
}
