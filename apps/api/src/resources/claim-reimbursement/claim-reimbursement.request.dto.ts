import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsTwoPlaceDecimal } from '../resource-validation';

/** Each category in USD; together they must sum exactly to the amount, else 400 CATEGORIES_DO_NOT_SUM. */
export class ReimbursementCategoriesDto {
  @ApiPropertyOptional({ example: 12000 }) @IsOptional() @IsTwoPlaceDecimal('non-negative') personnel?: number;
  @ApiPropertyOptional({ example: 3400.5 }) @IsOptional() @IsTwoPlaceDecimal('non-negative') travel?: number;
  @ApiPropertyOptional() @IsOptional() @IsTwoPlaceDecimal('non-negative') equipment?: number;
  @ApiPropertyOptional() @IsOptional() @IsTwoPlaceDecimal('non-negative') commodities?: number;
  @ApiPropertyOptional() @IsOptional() @IsTwoPlaceDecimal('non-negative') other?: number;
}

export class ClaimReimbursementRequest {
  @ApiProperty({ example: 15400.5, description: 'USD, positive, at most 2 decimal places' })
  @IsTwoPlaceDecimal('positive')
  amount!: number;

  @ApiProperty({ enum: ['USD'] })
  @IsIn(['USD'])
  currency!: 'USD';

  @ApiProperty({ type: ReimbursementCategoriesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReimbursementCategoriesDto)
  categories!: ReimbursementCategoriesDto;
}
