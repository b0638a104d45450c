import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { CostEstimateDto } from '../cost-estimate.dto';
import { IsTwoPlaceDecimal } from '../resource-validation';

export class MakeOfferRequest {
  @ApiProperty({ description: 'A pledge of the caller’s state, of the request’s resource type and unit' })
  @IsUUID()
  pledgeId!: string;

  @ApiProperty({ example: 10, description: 'Positive, at most 2 decimal places; reserved from the pledge' })
  @IsTwoPlaceDecimal('positive')
  quantity!: number;

  @ApiPropertyOptional({ type: CostEstimateDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CostEstimateDto)
  costEstimate?: CostEstimateDto;

  @ApiPropertyOptional({ example: 'Crews included; fuel reimbursed at cost' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  terms?: string;
}
