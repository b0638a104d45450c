import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsTwoPlaceDecimal, RESOURCE_TYPE_PATTERN, UNIT_PATTERN } from '../resource-validation';

export class MakeRequestRequest {
  @ApiProperty({ example: 'water-tanker', description: 'A slug: lower-case letters, digits and single hyphens' })
  @Matches(RESOURCE_TYPE_PATTERN, { message: 'resourceType must be a slug (lower-case letters, digits, single hyphens)' })
  @MaxLength(64)
  resourceType!: string;

  @ApiProperty({ example: 'each' })
  @IsString()
  @Matches(UNIT_PATTERN, { message: 'unit must be 1 to 40 visible characters' })
  unit!: string;

  @ApiProperty({ example: 40, description: 'Positive, at most 2 decimal places' })
  @IsTwoPlaceDecimal('positive')
  quantity!: number;

  @ApiProperty({ example: 'Wildfire: municipal water supply down in three counties' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  justification!: string;

  @ApiPropertyOptional({ example: '2026-08-01', description: 'ISO 8601 date or time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  neededBy?: string;
}
