import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PoolResourceRequest } from '../pool-resource.request.dto';
import { IsTwoPlaceDecimal } from '../resource-validation';

export class MakeRequestRequest extends PoolResourceRequest {
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
