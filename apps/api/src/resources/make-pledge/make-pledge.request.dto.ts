import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsTwoPlaceDecimal, RESOURCE_TYPE_PATTERN, UNIT_PATTERN } from '../resource-validation';

export class MakePledgeRequest {
  @ApiProperty({ example: 'water-tanker', description: 'A slug: lower-case letters, digits and single hyphens' })
  @Matches(RESOURCE_TYPE_PATTERN, { message: 'resourceType must be a slug (lower-case letters, digits, single hyphens)' })
  @MaxLength(64)
  resourceType!: string;

  @ApiProperty({ example: 'each' })
  @IsString()
  @Matches(UNIT_PATTERN, { message: 'unit must be 1 to 40 visible characters' })
  unit!: string;

  @ApiProperty({ example: 12.5, description: 'Positive, at most 2 decimal places' })
  @IsTwoPlaceDecimal('positive')
  quantity!: number;

  @ApiPropertyOptional({ example: 'Deployable within 6 hours, crews included' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
