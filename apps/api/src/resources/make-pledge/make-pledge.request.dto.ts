import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PoolResourceRequest } from '../pool-resource.request.dto';
import { IsTwoPlaceDecimal } from '../resource-validation';

export class MakePledgeRequest extends PoolResourceRequest {
  @ApiProperty({ example: 12.5, description: 'Positive, at most 2 decimal places' })
  @IsTwoPlaceDecimal('positive')
  quantity!: number;

  @ApiPropertyOptional({ example: 'Deployable within 6 hours, crews included' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
