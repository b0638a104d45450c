import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsTwoPlaceDecimal } from './resource-validation';

export class CostEstimateDto {
  @ApiProperty({ example: 18500.5, description: 'USD, at most 2 decimal places' })
  @IsTwoPlaceDecimal('non-negative')
  amount!: number;

  @ApiProperty({ enum: ['USD'] })
  @IsIn(['USD'])
  currency!: 'USD';
}
