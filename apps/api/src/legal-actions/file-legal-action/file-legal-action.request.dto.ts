import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUrl, MaxLength } from 'class-validator';
import { CalendarDate, Sha256, Text } from '../legal-validation';

export class FileLegalActionRequest {
  @ApiProperty({ format: 'date', example: '2026-03-02' }) @CalendarDate() filedOn!: string;
  @ApiProperty({ example: '3:26-cv-00042', maxLength: 100 }) @Text(100) docketNumber!: string;
  @ApiProperty({ description: 'SHA-256 of the filed document, 64 hexadecimal characters' }) @Sha256() documentSha256!: string;

  @ApiPropertyOptional({ example: 'https://ecf.cand.uscourts.gov/doc1/035123', description: 'http(s) only' })
  @IsOptional()
  @MaxLength(2_000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'documentUri must be an http(s) URL' })
  documentUri?: string;
}
