import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEVELOPMENT_KINDS, DevelopmentKind } from '@coalition/domain';
import { IsIn, IsOptional } from 'class-validator';
import { CalendarDate, Sha256, Text } from '../legal-validation';

export class RecordDevelopmentRequest {
  @ApiProperty({ enum: DEVELOPMENT_KINDS }) @IsIn(DEVELOPMENT_KINDS) kind!: DevelopmentKind;
  @ApiProperty({ format: 'date', example: '2026-04-10' }) @CalendarDate() occurredOn!: string;
  @ApiProperty({ maxLength: 10_000 }) @Text(10_000) summary!: string;
  @ApiPropertyOptional({ description: 'SHA-256 of the document, 64 hexadecimal characters' }) @IsOptional() @Sha256() documentSha256?: string;
}
