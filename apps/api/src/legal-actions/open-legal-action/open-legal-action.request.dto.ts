import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LEGAL_ACTION_KINDS, LegalActionKind } from '@coalition/domain';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { Text } from '../legal-validation';

export class OpenLegalActionRequest {
  @ApiProperty({ enum: LEGAL_ACTION_KINDS }) @IsIn(LEGAL_ACTION_KINDS) kind!: LegalActionKind;
  @ApiProperty({ example: 'State of California et al. v. Agency', maxLength: 300 }) @Text(300) title!: string;
  @ApiProperty({ maxLength: 10_000 }) @Text(10_000) summary!: string;
  @ApiProperty({ example: 'U.S. District Court, N.D. Cal.', maxLength: 300 }) @Text(300) forum!: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-01T17:00:00Z', description: 'ISO 8601 time with a zone; must be in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'signOnDeadline must be an ISO 8601 time with a zone, e.g. 2026-03-01T17:00:00Z',
  })
  @IsISO8601({ strict: true }, { message: 'signOnDeadline must be a real time' })
  signOnDeadline!: string;

  @ApiPropertyOptional({ description: 'The compact this response is coordinated under, if any' })
  @IsOptional()
  @IsUUID()
  compactId?: string;
}
